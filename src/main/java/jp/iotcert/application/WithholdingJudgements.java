package jp.iotcert.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.application.WithholdingRules.Judgement;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.Markdown;
import jp.iotcert.common.TaskInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requests to withhold disclosure items (第11条2) of an application, as stored with it, and the
 * reviewer's judgements of them (table `withholding_judgement`): what the review form offers, what
 * certification withholds, and what the decision form and the applicant's notices say.
 */
@Service
public class WithholdingJudgements {

  private final JdbcClient jdbc;
  private final ApplicationRepository applications;
  private final DisclosureCatalogue catalogue;
  private final ObjectMapper json;

  public WithholdingJudgements(JdbcClient jdbc, ApplicationRepository applications, DisclosureCatalogue catalogue,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.applications = applications;
    this.catalogue = catalogue;
    this.json = json;
  }

  /** The applicant's requests as stored with the application (never a process variable). */
  public List<WithheldItem> requests(String applicationNumber) {
    return requests(applications.get(applicationNumber));
  }

  private List<WithheldItem> requests(Application a) {
    try {
      List<WithheldItem> items = json.readValue(a.withheldJson(), new TypeReference<List<WithheldItem>>() {});
      return items == null ? List.of() : items;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The judgements recorded for the application, by item id (empty before the review judged them). */
  public Map<String, Judgement> judgements(String applicationNumber) {
    Map<String, Judgement> byItem = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT item_id, request_reason, accepted, rejection_reason FROM withholding_judgement
        WHERE application_number = ? ORDER BY item_id""")
        .param(applicationNumber)
        .query((rs, row) -> new Judgement(rs.getString("item_id"), rs.getString("request_reason"),
            rs.getBoolean("accepted"), rs.getString("rejection_reason")))
        .list().forEach(j -> byItem.put(j.itemId(), j));
    return byItem;
  }

  /** An application's requests as stored and their judgements so far, read once for a form or a notice. */
  public record Requests(List<WithheldItem> items, Map<String, Judgement> judgements) {}

  /** The application's requests and judgements (one read of each). */
  public Requests of(String applicationNumber) {
    return new Requests(requests(applicationNumber), judgements(applicationNumber));
  }

  /**
   * Judges the stored requests by the reviewer's choices ({@link WithholdingRules#judge}) and records
   * the judgements, replacing earlier ones; returns the requests with the new judgements.
   */
  @Transactional
  public Requests judge(String applicationNumber, Set<String> accepted, String rejections,
      String judgedBy, Instant at) {
    List<WithheldItem> requests = requests(applicationNumber);
    List<Judgement> judgements = WithholdingRules.judge(requests, accepted, rejections);
    jdbc.sql("DELETE FROM withholding_judgement WHERE application_number = ?").param(applicationNumber).update();
    Map<String, Judgement> byItem = new LinkedHashMap<>();
    for (Judgement j : judgements) {
      jdbc.sql("""
          INSERT INTO withholding_judgement (application_number, item_id, request_reason, accepted,
            rejection_reason, judged_by, judged_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(applicationNumber, j.itemId(), j.requestReason(), j.accepted(), j.rejectionReason(), judgedBy,
              Timestamp.from(at))
          .update();
      byItem.put(j.itemId(), j);
    }
    return new Requests(requests, byItem);
  }

  /** The requests certification withholds, as the certification stores them: the accepted ones. */
  public String withheldJson(Application a) {
    List<WithheldItem> requests = requests(a);
    Set<String> withheld = WithholdingRules.withheld(requests,
        List.copyOf(judgements(a.applicationNumber()).values()));
    try {
      return json.writeValueAsString(requests.stream().filter(r -> withheld.contains(r.itemId())).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The options of the review form's checklist, one per request ("B-09 売上高"); empty without requests. */
  public List<Map<String, String>> options(Requests requests) {
    return requests.items().stream()
        .map(r -> Map.of("value", r.itemId(), "label", itemLabel(r.itemId()))).toList();
  }

  /**
   * Markdown for the review and decision forms: each request with the item's definition, the
   * applicant's reason and, once judged, the judgement; null without requests.
   */
  public String summary(Requests requests) {
    if (requests.items().isEmpty()) {
      return null;
    }
    Map<String, Judgement> judged = requests.judgements();
    StringBuilder text = new StringBuilder();
    for (WithheldItem r : requests.items()) {
      Judgement j = judged.get(r.itemId());
      text.append("- **").append(Markdown.inline(itemLabel(r.itemId()))).append("**");
      if (j != null) {
        text.append(" — ").append(j.accepted() ? "受理（公表を留保）"
            : "却下（公表する）。却下の理由: " + Markdown.inline(j.rejectionReason()));
      }
      text.append("\n  - 項目の定義: ")
          .append(Markdown.inline(catalogue.find(r.itemId()).map(DisclosureItem::definition).orElse("")))
          .append("\n  - 申出の理由: ").append(Markdown.inline(r.reason())).append('\n');
    }
    return Markdown.clip(text.toString(), TaskInput.MAX_TEXT);
  }

  /**
   * The paragraph of the applicant's certification or refusal notice (第11条2: the result says which
   * requests were accepted); "" without requests.
   */
  public String noticeText(String applicationNumber, boolean certified) {
    List<WithheldItem> requests = requests(applicationNumber);
    if (requests.isEmpty()) {
      return "";
    }
    Map<String, Judgement> judged = judgements(applicationNumber);
    StringBuilder text = new StringBuilder("公表の留保の申出（第11条第2項）に対する判断:\n");
    for (WithheldItem r : requests) {
      Judgement j = judged.get(r.itemId());
      text.append("- ").append(itemLabel(r.itemId())).append(": ");
      if (j == null || j.accepted()) {
        text.append(j == null ? "公表を留保します" : certified ? "受理しました（公表しません）" : "受理しました");
      } else {
        text.append(certified ? "却下しました（公表します）" : "却下しました").append("。理由: ")
            .append(j.rejectionReason().replaceAll("[\\r\\n]+", " "));
      }
      text.append('\n');
    }
    return text.toString().strip();
  }

  private String itemLabel(String itemId) {
    return itemId + catalogue.find(itemId).map(i -> " " + i.name()).orElse("");
  }
}
