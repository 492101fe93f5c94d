package jp.iotcert.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.application.ApplicationType;
import jp.iotcert.application.Channel;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.TextRules;

/**
 * The portal's application form as the browser sent it: every value by its field name (the HTML
 * {@code name}), only the fields the form has (anything else a client sends is ignored), each
 * checked against {@link TextRules} and its size, so a draft never stores what an application could
 * not. The application's own rules stay in ApplicationValidator: {@link #toRequest} only shapes the
 * values into the request POST /api/applications takes, and {@link Built#fieldId} leads each of its
 * errors back to the field it came from.
 */
public final class PortalApplicationForm {

  /** The single-line fields and their limits (the validator's, so a draft holds nothing the application refuses for size). */
  static final Map<String, Integer> LINES = Map.of(
      "provider.name", 200, "provider.address", 400, "provider.representative", 200,
      "contact.name", 200, "contact.email", 254, "contact.phone", 32,
      "service.name", 200, "service.url", 500);
  static final int DESCRIPTION_MAX = 4000;
  static final int VALUE_MAX = 4000;
  static final int REASON_MAX = 2000;
  static final String YES = "yes";
  static final String NO = "no";

  private final Map<String, String> values = new LinkedHashMap<>();

  /** The values in field order, for storing a draft. */
  public Map<String, String> values() {
    return values;
  }

  /** A field's value, "" when empty (what the template shows). */
  public String get(String name) {
    return values.getOrDefault(name, "");
  }

  public boolean checked(String name) {
    return YES.equals(values.get(name));
  }

  void put(String name, String value) {
    if (value != null && !value.isEmpty()) {
      values.put(name, value);
    }
  }

  /** Every field name the form has, in the order of the page. */
  static List<String> fieldNames(DisclosureCatalogue catalogue) {
    List<String> names = new ArrayList<>(List.of("provider.name", "provider.address", "provider.representative",
        "contact.name", "contact.email", "contact.phone", "service.name", "service.description", "service.url"));
    for (DisclosureItem item : catalogue.all()) {
      names.add("disclosure." + item.itemId());
      names.add("withhold." + item.itemId());
      names.add("withholdReason." + item.itemId());
    }
    names.add("markUse.compliant");
    names.add("markUse.statement");
    return names;
  }

  /** The HTML id of a field name: dots are awkward in CSS selectors and fragment links. */
  public static String id(String name) {
    return name.replace('.', '-');
  }

  /**
   * Reads the form's fields from a request (or a stored draft); each value that breaks a text rule or
   * its size is an error on its field and is left out.
   */
  static PortalApplicationForm read(Function<String, String> param, DisclosureCatalogue catalogue,
      PortalFormErrors errors) {
    PortalApplicationForm form = new PortalApplicationForm();
    for (String name : fieldNames(catalogue)) {
      String raw = param.apply(name);
      if (raw == null) {
        continue;
      }
      // Browsers send a textarea's line breaks as CRLF; stored and counted as LF.
      String value = raw.replace("\r\n", "\n");
      boolean singleLine = LINES.containsKey(name) || name.startsWith("withhold.") || name.equals("markUse.compliant");
      String violation = TextRules.violation(value, singleLine ? TextRules.Lines.FORBIDDEN : TextRules.Lines.ALLOWED);
      int max = max(name);
      if (violation != null) {
        errors.add(id(name), violation);
      } else if (value.length() > max) {
        errors.add(id(name), max + "文字以内で入力してください（現在 " + value.length() + " 文字）");
      } else if ((name.startsWith("withhold.") || name.equals("markUse.compliant"))
          && !value.isEmpty() && !YES.equals(value) && !NO.equals(value)) {
        errors.add(id(name), "選択肢から選んでください");
      } else {
        form.put(name, value);
      }
    }
    return form;
  }

  private static int max(String name) {
    if (LINES.containsKey(name)) {
      return LINES.get(name);
    }
    if (name.startsWith("withholdReason.") || name.equals("markUse.statement")) {
      return REASON_MAX;
    }
    if (name.startsWith("withhold.") || name.equals("markUse.compliant")) {
      return 3;
    }
    return name.equals("service.description") ? DESCRIPTION_MAX : VALUE_MAX;
  }

  /** The request and the order of its lists, to lead the validator's errors back to the fields. */
  public record Built(ApplicationRequest request, List<String> disclosed, List<String> withheld) {

    /**
     * The field of the form an error of ApplicationService.submit belongs to: {@code disclosure[3].value}
     * is the fourth item sent, {@code withheldItems[0].reason} the first request to withhold, and so on.
     */
    public String fieldId(String field) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(disclosure|withheldItems)\\[(\\d+)]\\.(\\w+)$")
          .matcher(field);
      if (m.matches()) {
        List<String> ids = m.group(1).equals("disclosure") ? disclosed : withheld;
        int index = Integer.parseInt(m.group(2));
        if (index >= ids.size()) {
          return null;
        }
        String itemId = ids.get(index);
        if (m.group(1).equals("disclosure")) {
          return id("disclosure." + itemId);
        }
        return id((m.group(3).equals("reason") ? "withholdReason." : "withhold.") + itemId);
      }
      if (field.startsWith("other")) {
        return "other";
      }
      return switch (field) {
        case "registryCertificate", "applicationForm" -> field;
        case "markUseDeclaration", "markUseDeclaration.compliant" -> id("markUse.compliant");
        case "markUseDeclaration.statement" -> id("markUse.statement");
        case "disclosure" -> "disclosure";
        case "certificationNumber" -> null;
        default -> LINES.containsKey(field) || field.equals("service.description") || field.equals("provider.corporateNumber")
            ? id(field) : null;
      };
    }
  }

  /**
   * The request POST /api/applications would carry: the items with a value in catalogue order, a
   * request to withhold for each ticked item (第11条2), and for a renewal the mark-use
   * self-declaration (第10条7). A reason typed for an unticked item is an error: the applicant meant
   * something, and dropping it silently would publish the item.
   */
  Built toRequest(String corporateNumber, String renewalOf, DisclosureCatalogue catalogue, PortalFormErrors errors) {
    List<DisclosureValue> disclosure = new ArrayList<>();
    List<WithheldItem> withheld = new ArrayList<>();
    List<String> disclosed = new ArrayList<>();
    List<String> withheldIds = new ArrayList<>();
    for (DisclosureItem item : catalogue.all()) {
      String value = get("disclosure." + item.itemId());
      if (!value.isBlank()) {
        disclosure.add(new DisclosureValue(item.itemId(), PortalDates.disclosureValue(item.itemId(), value)));
        disclosed.add(item.itemId());
      }
      String reason = get("withholdReason." + item.itemId());
      if (checked("withhold." + item.itemId())) {
        withheld.add(new WithheldItem(item.itemId(), reason.isBlank() ? null : reason.strip()));
        withheldIds.add(item.itemId());
      } else if (!reason.isBlank()) {
        errors.add(id("withhold." + item.itemId()),
            "公表の留保を求める場合はチェックを入れてください（理由だけが入力されています）");
      }
    }
    boolean renewal = renewalOf != null;
    ApplicationRequest.MarkUseDeclaration declaration = null;
    if (renewal) {
      String compliant = get("markUse.compliant");
      declaration = new ApplicationRequest.MarkUseDeclaration(compliant.isEmpty() ? null : YES.equals(compliant),
          blankToNull(get("markUse.statement")));
    }
    ApplicationRequest request = new ApplicationRequest(
        renewal ? ApplicationType.RENEWAL.name() : ApplicationType.NEW.name(), renewalOf, Channel.ONLINE.name(),
        new ApplicationRequest.Provider(corporateNumber, blankToNull(get("provider.name")),
            blankToNull(get("provider.address")), blankToNull(get("provider.representative"))),
        new ApplicationRequest.Contact(blankToNull(get("contact.name")), blankToNull(get("contact.email")),
            blankToNull(get("contact.phone"))),
        new ApplicationRequest.Service(blankToNull(get("service.name")), blankToNull(get("service.description")),
            blankToNull(get("service.url"))),
        disclosure, withheld, declaration, null);
    return new Built(request, disclosed, withheldIds);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
