package jp.iotcert.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.CorporateNumber;
import jp.iotcert.common.Markdown;
import jp.iotcert.document.DocumentKind;
import org.springframework.stereotype.Service;

/** Completeness of an application (第4条1): the required documents and every mandatory (必須) item. */
@Service("completenessRules")
public class CompletenessCheck {

  private static final int CELL_LIMIT = 40;
  private static final int SUMMARY_LIMIT = 3900;

  private final ApplicationRepository applications;
  private final DisclosureCatalogue catalogue;
  private final ObjectMapper json;

  public CompletenessCheck(ApplicationRepository applications, DisclosureCatalogue catalogue, ObjectMapper json) {
    this.applications = applications;
    this.catalogue = catalogue;
    this.json = json;
  }

  public Result check(String applicationNumber) {
    Application a = applications.get(applicationNumber);
    List<DisclosureValue> disclosure = read(a.disclosureJson(), new TypeReference<>() {});
    List<WithheldItem> withheld = read(a.withheldJson(), new TypeReference<>() {});
    List<String> missing = new ArrayList<>();
    if (!CorporateNumber.isValid(a.corporateNumber())) {
      missing.add("法人番号が正しくありません");
    }
    List<ApplicationRepository.StoredDocument> documents = applications.documents(applicationNumber);
    boolean hasRegistryCertificate = documents.stream().anyMatch(d -> d.kind() == DocumentKind.REGISTRY_CERTIFICATE);
    if (a.type() == ApplicationType.NEW && !hasRegistryCertificate) {
      missing.add("登記事項証明書（PDF）が提出されていません");
    }
    Set<String> disclosed = disclosure.stream().map(DisclosureValue::itemId).collect(Collectors.toSet());
    for (DisclosureItem item : catalogue.missingMandatory(disclosed)) {
      missing.add("必須の開示項目 " + item.itemId() + "「" + item.name() + "」が記載されていません");
    }
    String missingText = missing.isEmpty() ? "自動点検で不足は見つかりませんでした。"
        : missing.stream().map(m -> "- " + m).collect(Collectors.joining("\n"));
    return new Result(missing.isEmpty(), missing, missingText, summary(disclosure, withheld),
        links(applicationNumber, documents), checklist(disclosed));
  }

  /**
   * What the later forms of an application show of it (the reviewer's, the manager's, the committee's):
   * the disclosure table and the document links, built by the same code as at the completeness check
   * from the application as it is stored now (with every supplement).
   */
  public Shown shown(String applicationNumber) {
    Application a = applications.get(applicationNumber);
    List<DisclosureValue> disclosure = read(a.disclosureJson(), new TypeReference<>() {});
    List<WithheldItem> withheld = read(a.withheldJson(), new TypeReference<>() {});
    return new Shown(summary(disclosure, withheld), links(applicationNumber, applications.documents(applicationNumber)));
  }

  /** Markdown for a form: {@link #summary} and {@link #links}. */
  public record Shown(String disclosureSummary, String documentLinks) {}

  /**
   * A Markdown table of the disclosure, for the reviewer's, manager's and committee's forms. A string variable
   * holds at most 4,000 characters in the engine's tables, so long values are shortened here; the
   * full text is in GET /api/applications/{applicationNumber}.
   */
  private String summary(List<DisclosureValue> disclosure, List<WithheldItem> withheld) {
    Map<String, String> values = disclosure.stream()
        .collect(Collectors.toMap(DisclosureValue::itemId, DisclosureValue::value, (x, y) -> y));
    Map<String, WithheldItem> withheldById = withheld.stream()
        .collect(Collectors.toMap(WithheldItem::itemId, Function.identity(), (x, y) -> y));
    StringBuilder table = new StringBuilder("| 項目 | 区分 | 名称 | 必須 | 開示内容 |\n|---|---|---|---|---|\n");
    for (DisclosureItem item : catalogue.all()) {
      String value = values.containsKey(item.itemId()) ? cell(values.get(item.itemId())) : "（未記載）";
      if (withheldById.containsKey(item.itemId())) {
        value += "（公表留保の申出: " + cell(withheldById.get(item.itemId()).reason()) + "）";
      }
      table.append("| ").append(item.itemId()).append(" | ").append(item.category()).append(" | ")
          .append(item.name()).append(" | ").append(item.mandatory() ? "必須" : "選択").append(" | ")
          .append(value).append(" |\n");
    }
    if (table.length() > SUMMARY_LIMIT) {
      return table.substring(0, table.lastIndexOf("\n", SUMMARY_LIMIT) + 1) + "\n（以下省略。全文は申請データを参照）";
    }
    return table.toString();
  }

  /** The applicant's text, shortened, as literal text in a table cell (no HTML, links or table syntax). */
  private static String cell(String value) {
    String flat = value == null ? "" : value.strip();
    return Markdown.inline(flat.length() > CELL_LIMIT ? flat.substring(0, CELL_LIMIT) : flat)
        + (flat.length() > CELL_LIMIT ? "…" : "");
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Markdown links to the documents and the full application (read with the user's account; reads are logged). */
  private static String links(String applicationNumber, List<ApplicationRepository.StoredDocument> documents) {
    String base = "/api/applications/" + applicationNumber;
    StringBuilder text = new StringBuilder();
    for (ApplicationRepository.StoredDocument d : documents) {
      text.append("- [").append(d.kind().label()).append("（").append(Markdown.inline(d.fileName())).append("）](")
          .append(base).append("/documents/").append(d.id()).append(")\n");
    }
    text.append("- [申請データ（全文、JSON）](").append(base).append(")\n");
    return text.toString();
  }

  /** Options of the reviewer's checklist: every catalogue item the application discloses. */
  private String checklist(Set<String> disclosed) {
    List<Map<String, String>> options = catalogue.all().stream().filter(i -> disclosed.contains(i.itemId()))
        .map(i -> Map.of("value", i.itemId(),
            "label", i.itemId() + " " + i.name() + (i.mandatory() ? "（必須）" : "（選択）")))
        .toList();
    try {
      return json.writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public record Result(boolean complete, List<String> missing, String missingText, String disclosureSummary,
      String documentLinks, String checklistJson) {}
}
