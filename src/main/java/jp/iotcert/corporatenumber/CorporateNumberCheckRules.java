package jp.iotcert.corporatenumber;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.iotcert.common.JapaneseDates;
import org.springframework.stereotype.Service;

/**
 * 第4条第1項第2号: does the NTA's record of the corporate number show that the applicant exists as
 * applied? Confirmed only when the number is found, the corporation is not closed, and its name and
 * address match the application; otherwise the reasons, in Japanese, for the staff who then check
 * the 登記事項証明書 by hand.
 *
 * <p>Matching is deliberately forgiving of notation only (so a real difference always goes to staff):
 * both sides are NFKC-normalised (full-width letters and digits, ㈱), spaces are ignored, Latin
 * letters compared without case, and the abbreviated company types (株), (有), (合), (資), (名),
 * (一社), (一財), (特非) count as the full words. For the address, 丁目・番地・番・号 count as hyphens and
 * a leading postcode is ignored; the NTA's 市区町村 and 丁目番地等 must appear in the applicant's address,
 * which either starts with them or has the NTA's 都道府県 before them. Kanji numerals (三丁目) are not
 * converted: such an address goes to staff.
 */
@Service
public class CorporateNumberCheckRules {

  private static final Map<String, String> COMPANY_TYPES = Map.of(
      "(株)", "株式会社", "(有)", "有限会社", "(合)", "合同会社", "(資)", "合資会社", "(名)", "合名会社",
      "(一社)", "一般社団法人", "(一財)", "一般財団法人", "(特非)", "特定非営利活動法人");
  private static final Map<String, String> CLOSE_CAUSES = Map.of(
      "01", "清算の結了等", "11", "合併による解散等", "21", "登記官による閉鎖", "31", "その他の清算の結了等");

  /** The outcome of one check. */
  public enum Outcome {
    /** Found, open, name and address match: no check by hand needed. */
    CONFIRMED("確認済み"),
    /** Not found, closed, or name or address differ. */
    NOT_CONFIRMED("確認できず"),
    /** The API did not answer, or not as expected. */
    UNAVAILABLE("照会できず"),
    /** No application id configured: no call was made. */
    NOT_CONFIGURED("照会なし");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The outcome and its reasons (empty when confirmed). */
  public record Result(Outcome outcome, List<String> reasons) {

    public boolean confirmed() {
      return outcome == Outcome.CONFIRMED;
    }
  }

  public Result compare(NtaAnswer answer, String appliedName, String appliedAddress) {
    if (!answer.readable()) {
      return new Result(Outcome.UNAVAILABLE, List.of(answer.httpStatus() == 200
          ? "照会できませんでした（国税庁の応答を読み取れません）"
          : "照会できませんでした（国税庁の応答 HTTP " + answer.httpStatus() + "）"));
    }
    if (!answer.found()) {
      return new Result(Outcome.NOT_CONFIRMED, List.of("法人番号が見つかりません"));
    }
    List<String> reasons = new ArrayList<>();
    if (answer.closeDate() != null) {
      String cause = answer.closeCause() == null ? "" : "、" + CLOSE_CAUSES.getOrDefault(answer.closeCause(),
          "事由コード " + answer.closeCause());
      reasons.add("閉鎖されています（閉鎖日 " + JapaneseDates.format(answer.closeDate()) + cause + "）");
    }
    if (!nameMatches(answer.name(), appliedName)) {
      reasons.add("名称が一致しません（国税庁: " + nz(answer.name()) + "　申請: " + nz(appliedName) + "）");
    }
    if (!addressMatches(answer, appliedAddress)) {
      reasons.add("所在地が一致しません（国税庁: " + answer.address() + "　申請: " + nz(appliedAddress) + "）");
    }
    return new Result(reasons.isEmpty() ? Outcome.CONFIRMED : Outcome.NOT_CONFIRMED, List.copyOf(reasons));
  }

  public Result unavailable(String reason) {
    return new Result(Outcome.UNAVAILABLE, List.of(reason == null || reason.isBlank() ? "照会できませんでした" : reason));
  }

  public Result notConfigured() {
    return new Result(Outcome.NOT_CONFIGURED, List.of("照会は設定されていません（国税庁のアプリケーションIDが未設定）"));
  }

  static boolean nameMatches(String registered, String applied) {
    if (registered == null || applied == null) {
      return false;
    }
    return name(registered).equals(name(applied));
  }

  static boolean addressMatches(NtaAnswer answer, String applied) {
    if (applied == null) {
      return false;
    }
    String app = address(applied).replaceFirst("^〒?\\d{3}-?\\d{4}", "");
    if (answer.cityName() == null && answer.prefectureName() == null) {
      return answer.addressOutside() != null && app.contains(address(answer.addressOutside()));
    }
    String pref = address(nz(answer.prefectureName()));
    String cityStreet = address(nz(answer.cityName()) + nz(answer.streetNumber()));
    return !cityStreet.isEmpty() && (app.startsWith(cityStreet) || app.contains(pref + cityStreet));
  }

  private static String name(String value) {
    String n = plain(value);
    for (Map.Entry<String, String> type : COMPANY_TYPES.entrySet()) {
      n = n.replace(type.getKey(), type.getValue());
    }
    return n;
  }

  private static String address(String value) {
    return plain(value).replaceAll("[‐‑‒–—―−ー－]", "-")
        .replaceAll("(?<=\\d)(丁目|番地|番|の)(?=\\d)", "-")
        .replaceAll("(?<=\\d)(番地|番|号)$", "")
        .replaceAll("(?<=\\d)号(?=\\D)", "")
        .replaceAll("-{2,}", "-");
  }

  /** NFKC, no white space, Latin capitals. */
  private static String plain(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
