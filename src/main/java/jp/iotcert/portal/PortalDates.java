package jp.iotcert.portal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;

/**
 * A date typed into a portal form as Japanese users type it: 2026/12/10, 2026-12-10, 2026/1/5, or
 * with full-width digits (２０２６／１２／１０); a browser's date picker sends 2026-12-10. Read through
 * the forms' one date reading (DateRules.formDate), so an impossible date (2026/2/30) is refused.
 */
final class PortalDates {

  static final String UNREADABLE = "日付を読み取れません。2026/12/10 のように年/月/日で入力してください。";

  private static final Pattern YMD = Pattern.compile("(\\d{4})[/\\-.](\\d{1,2})[/\\-.](\\d{1,2})");

  private PortalDates() {}

  /** The date, or null for an empty field. @throws IllegalArgumentException with {@link #UNREADABLE} */
  static LocalDate read(String field, String typed) {
    String text = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    if (text.isEmpty()) {
      return null;
    }
    Matcher m = YMD.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(UNREADABLE);
    }
    String iso = m.group(1) + "-" + pad(m.group(2)) + "-" + pad(m.group(3));
    try {
      return DateRules.formDate(field, iso);
    } catch (FormRuleViolation e) {
      throw new IllegalArgumentException(UNREADABLE, e);
    }
  }

  /**
   * A disclosure value as the API stores it: the disclosure date (B-01) typed as 2026/12/10 becomes
   * 2026-12-10; any other item, or a date that cannot be read, stays as typed (the application's rules
   * then refuse an unreadable disclosure date next to its field).
   */
  static String disclosureValue(String itemId, String typed) {
    String value = typed.strip();
    if (!DisclosureCatalogue.DISCLOSURE_DATE_ITEM.equals(itemId)) {
      return value;
    }
    try {
      LocalDate date = read(itemId, value);
      return date == null ? value : date.toString();
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private static String pad(String part) {
    return part.length() == 1 ? "0" + part : part;
  }
}
