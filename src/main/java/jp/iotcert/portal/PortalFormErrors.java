package jp.iotcert.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of one portal form: the message shown next to each field (by its HTML id, for
 * aria-describedby) and the summary at the top of the page, each line linking to its field. Errors
 * that belong to no field of the page (a rule about the whole application) are in the summary only.
 */
public final class PortalFormErrors {

  /** One line of the summary; {@code fieldId} is null for an error of the whole form. */
  public record Line(String fieldId, String text) {}

  private final Map<String, String> byField = new LinkedHashMap<>();
  private final List<Line> summary = new ArrayList<>();

  /** An error on a field; a second one on the same field is added to its message. */
  public void add(String fieldId, String message) {
    add(fieldId, message, message);
  }

  /** An error on a field, with the summary's text naming the field where the message alone does not. */
  public void add(String fieldId, String message, String summaryText) {
    if (fieldId == null) {
      summary.add(new Line(null, summaryText));
      return;
    }
    byField.merge(fieldId, message, (a, b) -> a + "。" + b);
    summary.add(new Line(fieldId, summaryText));
  }

  public boolean isEmpty() {
    return summary.isEmpty();
  }

  public boolean has(String fieldId) {
    return byField.containsKey(fieldId);
  }

  /** The message next to the field, or null. */
  public String of(String fieldId) {
    return byField.get(fieldId);
  }

  public List<Line> summary() {
    return summary;
  }
}
