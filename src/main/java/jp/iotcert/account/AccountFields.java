package jp.iotcert.account;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jp.iotcert.common.CorporateNumber;
import jp.iotcert.common.TextRules;

/**
 * Checks of the portal's account fields, each adding a Japanese message under the field's name. The
 * user id is what the person types at the login: 4 to 32 lower-case ASCII letters and digits (the
 * engine's user ids allow letters and digits only; one case avoids two ids that look the same).
 */
final class AccountFields {

  static final Pattern USER_ID = Pattern.compile("[a-z0-9]{4,32}");
  /** A plain address: one @, no spaces or controls, a dot in the domain; 254 characters at most (RFC 5321). */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  private AccountFields() {}

  /** The trimmed value ("" for none). */
  static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  /** E-mail addresses are compared and kept in lower case, so one address is one account. */
  static String email(String value) {
    return clean(value).toLowerCase(Locale.ROOT);
  }

  static void corporateNumber(Map<String, String> errors, String field, String value) {
    String v = clean(value);
    if (v.isEmpty()) {
      errors.put(field, "法人番号を入力してください。");
    } else if (!v.matches("\\d{13}")) {
      errors.put(field, "法人番号は半角数字13桁で入力してください。");
    } else if (!CorporateNumber.isValid(v)) {
      errors.put(field, "法人番号が正しくありません（チェックディジットが一致しません）。");
    }
  }

  static void text(Map<String, String> errors, String field, String label, String value, int max) {
    String v = clean(value);
    String violation = TextRules.violation(v, TextRules.Lines.FORBIDDEN);
    if (v.isEmpty()) {
      errors.put(field, label + "を入力してください。");
    } else if (v.length() > max) {
      errors.put(field, label + "は" + max + "文字以内で入力してください。");
    } else if (violation != null) {
      errors.put(field, label + "に" + violation + "。");
    }
  }

  static void email(Map<String, String> errors, String field, String value) {
    String v = clean(value);
    if (v.isEmpty()) {
      errors.put(field, "メールアドレスを入力してください。");
    } else if (v.length() > 254 || !EMAIL.matcher(v).matches() || TextRules.violation(v, TextRules.Lines.FORBIDDEN) != null) {
      errors.put(field, "メールアドレスの形式が正しくありません（例: tanaka@example.co.jp）。");
    }
  }

  static void userId(Map<String, String> errors, String field, String value) {
    String v = clean(value);
    if (v.isEmpty()) {
      errors.put(field, "ユーザーIDを入力してください。");
    } else if (!USER_ID.matcher(v).matches()) {
      errors.put(field, "ユーザーIDは半角の英小文字と数字で4〜32文字にしてください。");
    }
  }

  static void password(Map<String, String> errors, PasswordPolicy policy, String password, String confirmation,
      String userId, String email, String... hints) {
    policy.violation(password, clean(userId), email(email), hints).ifPresent(m -> errors.put("password", m));
    if (!errors.containsKey("password") && (confirmation == null || !confirmation.equals(password))) {
      errors.put("passwordConfirmation", "確認用のパスワードが一致しません。");
    }
  }
}
