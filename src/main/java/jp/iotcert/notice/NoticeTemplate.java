package jp.iotcert.notice;

import java.util.Map;

/** Fills `{name}` placeholders of a notice text; every notice ends with the secretariat's signature. */
public final class NoticeTemplate {

  private static final String SIGNATURE = "\n\n認定機関 事務局\n";

  private NoticeTemplate() {}

  public static String fill(String template, Map<String, String> values) {
    String result = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      result = result.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
    }
    return result;
  }

  public static String body(String template, Map<String, String> values) {
    // An empty optional paragraph leaves no gap of several blank lines.
    return fill(template, values).strip().replaceAll("\n{3,}", "\n\n") + SIGNATURE;
  }
}
