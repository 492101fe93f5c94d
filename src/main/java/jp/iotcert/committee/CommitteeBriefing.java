package jp.iotcert.committee;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.iotcert.application.CompletenessCheck;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.Markdown;
import org.springframework.stereotype.Service;
import jp.iotcert.common.JapaneseDates;

/**
 * 第7条: what the committee is asked to give its opinion on, shown in each form of `committee-review`:
 * the application's documents and disclosure (from the stored application, by the same builder as
 * the reviewer's and manager's forms), the review's checklist result and the on-site inspection's
 * result. Everything is composed as Markdown here; applicant text is made literal with {@link Markdown}.
 */
@Service
public class CommitteeBriefing {

  private static final Map<String, String> RESULTS = Map.of("CONFORMING", "適合", "NON_CONFORMING", "不適合");

  private final CompletenessCheck completeness;
  private final DisclosureCatalogue catalogue;

  public CommitteeBriefing(CompletenessCheck completeness, DisclosureCatalogue catalogue) {
    this.completeness = completeness;
    this.catalogue = catalogue;
  }

  /**
   * What the reviewer recorded (the `certification-application` variables its form set).
   *
   * @param conformingItems the item ids counted as conforming
   * @param nonConformingItems the ids the reviewer typed for 不適合 (commas, 「、」 or spaces), or null
   */
  public record Review(String result, Collection<String> conformingItems, String nonConformingItems) {}

  /** The inspection's result; null when the application had no on-site inspection. */
  public record Inspection(Object date, String result) {}

  /** Markdown for the forms; {@code inspectionSummary} is null without an inspection. */
  public record Briefing(String disclosureSummary, String documentLinks, String reviewSummary,
      String inspectionSummary) {}

  public Briefing brief(String applicationNumber, Review review, Inspection inspection) {
    CompletenessCheck.Shown shown = completeness.shown(applicationNumber);
    return new Briefing(shown.disclosureSummary(), shown.documentLinks(), reviewSummary(review),
        inspection == null || inspection.result() == null ? null : inspectionSummary(inspection));
  }

  /** The checklist result: 適合/不適合, how many and which items conform, and which do not (with their names). */
  String reviewSummary(Review review) {
    Set<String> conforming = Set.copyOf(review.conformingItems());
    List<DisclosureItem> counted = catalogue.all().stream().filter(i -> conforming.contains(i.itemId())).toList();
    long mandatory = counted.stream().filter(DisclosureItem::mandatory).count();
    StringBuilder out = new StringBuilder("**審査結果**：").append(label(review.result())).append('\n')
        .append("**適合とした項目**：").append(counted.size()).append("項目（必須 ").append(mandatory)
        .append("、選択 ").append(counted.size() - mandatory).append("）");
    if (!counted.isEmpty()) {
      out.append(" ").append(counted.stream().map(i -> Markdown.inline(i.itemId())).collect(Collectors.joining("、")));
    }
    out.append("\n**審査基準に適合しない項目**：");
    List<String> ids = review.nonConformingItems() == null ? List.of()
        : List.of(review.nonConformingItems().strip().split("[,、\\s]+")).stream().filter(id -> !id.isBlank()).toList();
    if (ids.isEmpty()) {
      out.append("なし");
    } else {
      out.append(ids.stream().map(id -> Markdown.inline(id) + catalogue.find(id).map(i -> "「" + Markdown.inline(i.name()) + "」")
          .orElse("")).collect(Collectors.joining("、")));
    }
    return out.toString();
  }

  /** The inspection day (Japanese) and result; the report itself the forms show as written by the inspector. */
  String inspectionSummary(Inspection inspection) {
    return "**実施日**：" + day(inspection.date()) + "\n**調査結果**：" + label(inspection.result());
  }

  private static String label(String result) {
    return result == null ? "（記録なし）" : RESULTS.getOrDefault(result, Markdown.inline(result));
  }

  private static String day(Object value) {
    try {
      LocalDate date = DateRules.formDate("inspectionDate", value);
      return date == null ? "（記録なし）" : JapaneseDates.format(date);
    } catch (FormRuleViolation unreadable) {
      return Markdown.inline(value.toString());
    }
  }
}
