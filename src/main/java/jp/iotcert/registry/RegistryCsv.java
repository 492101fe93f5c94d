package jp.iotcert.registry;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.certification.PublishedDisclosure;

/**
 * The registry as CSV (RFC 4180, CRLF), UTF-8 with a byte order mark so that Excel reads it as UTF-8.
 * The columns are the fields of the JSON entry ({@link RegistryEntry}), each in a readable Japanese
 * form: dates as ISO dates, the status in words and as its code (the status of today, {@link StatusToday}),
 * the lists (published improvement requests, published history) one line per element within their
 * cell, the revocation as its date and its articles, and the disclosure items one column each in
 * catalogue order, headed by number, name and category (empty when not published, which includes
 * withheld ones). A cell that a spreadsheet would read as a formula (starting with = + - @, or a tab or
 * carriage return) gets a leading apostrophe. RegistryPagesTest maps every JSON field to its column.
 */
final class RegistryCsv {

  private RegistryCsv() {}

  static byte[] write(List<RegistryEntry> entries, DisclosureCatalogue catalogue) {
    List<DisclosureItem> items = catalogue.all();
    StringBuilder out = new StringBuilder("\uFEFF");
    List<String> header = new ArrayList<>(List.of("認定番号", "サービス名", "事業者名", "法人番号", "初回認定日", "認定日",
        "有効期間の末日", "開示情報の時点", "状態", "状態（コード）", "終了日", "取消しの日", "取消しの根拠（第17条第1項）",
        "公表された改善要請", "公表事項の履歴", "確認用URL"));
    items.forEach(i -> header.add(itemHeader(i)));
    line(out, header);
    for (RegistryEntry e : entries) {
      Map<String, String> values = e.disclosure().stream()
          .collect(Collectors.toMap(PublishedDisclosure.Item::itemId, PublishedDisclosure.Item::value, (a, b) -> b));
      List<String> row = new ArrayList<>(List.of(e.certificationNumber(), e.serviceName(), e.providerName(),
          e.corporateNumber(), iso(e.firstCertifiedOn()), iso(e.certifiedOn()), iso(e.validUntil()),
          iso(e.disclosureDate()), RegistryText.statusWord(e.status()), e.status(), iso(e.endedOn()),
          e.revocation() == null ? "" : iso(e.revocation().revokedOn()),
          e.revocation() == null ? "" : String.join("、", e.revocation().articles()),
          e.improvementRequests().stream().map(r -> iso(r.requestedOn()) + " " + r.content() + "（期限 "
              + iso(r.deadline()) + "、状況：" + RegistryText.improvementStatus(r.status()) + "）")
              .collect(Collectors.joining("\n")),
          e.history().stream().map(h -> iso(h.effectiveOn()) + " " + h.description()).collect(Collectors.joining("\n")),
          e.verificationUrl()));
      items.forEach(i -> row.add(values.getOrDefault(i.itemId(), "")));
      line(out, row);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The column of a disclosure item: its number, name and category, as the JSON item has them. */
  static String itemHeader(DisclosureItem i) {
    return i.itemId() + " " + i.name() + "（分類：" + i.category() + "）";
  }

  private static String iso(LocalDate date) {
    return date == null ? "" : date.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** One cell: formula-safe, then quoted (always, so commas, quotes and line breaks stay inside). */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
