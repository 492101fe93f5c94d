package jp.iotcert.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.common.FormRuleViolation;

/**
 * 第11条2: the body withholds a disclosure item from publication only when the applicant asked for
 * it and the body judges the reason legitimate. The reviewer judges each request of the stored
 * application: accepted (ticked), or rejected with a reason (a line 「項目ID: 理由」). Only the stored
 * requests are judged; what the form offered is the reviewer's to change, so it is not read back.
 */
public final class WithholdingRules {

  /** A judgement as the applicant's API view names it. */
  public static final String ACCEPTED = "ACCEPTED";
  public static final String REJECTED = "REJECTED";
  /** Longest reason for a rejection: it goes into the applicant's notice and the decision form. */
  public static final int MAX_REASON = 1000;

  /** A rejection line: the item id, a separator (colon, comma or space), the reason. */
  private static final Pattern LINE = Pattern.compile("^([^\\s:：,、]+)\\s*[:：,、]?\\s*(.*)$");

  /** The judgement of one request; {@code rejectionReason} is null when accepted. */
  public record Judgement(String itemId, String requestReason, boolean accepted, String rejectionReason) {}

  private WithholdingRules() {}

  /**
   * Judges every stored request: accepted when its item is among {@code accepted}, otherwise rejected
   * with the reason on its line of {@code rejections}.
   *
   * @param rejections one line per rejected request, 「項目ID: 理由」 (null or blank when none)
   * @return one judgement per request, in the order of the requests
   * @throws FormRuleViolation for a request neither accepted nor given a rejection reason, a reason
   *     for an accepted request, or an item the applicant did not ask to withhold
   */
  public static List<Judgement> judge(List<WithheldItem> requests, Set<String> accepted, String rejections) {
    Map<String, WithheldItem> requested = new LinkedHashMap<>();
    requests.forEach(r -> requested.put(r.itemId(), r));
    for (String id : new TreeSet<>(accepted)) {
      if (!requested.containsKey(id)) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_ACCEPTED,
            "項目「" + id + "」について公表の留保の申出はありません。");
      }
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (String line : (rejections == null ? "" : rejections).split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      String id = m.matches() ? m.group(1) : line.strip();
      String reason = m.matches() ? m.group(2).strip() : "";
      if (!requested.containsKey(id)) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_REJECTIONS,
            "却下の理由の「" + id + "」は公表の留保の申出のある項目IDではありません。1行に1件、「項目ID: 理由」の形で記入してください。");
      }
      if (accepted.contains(id)) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_REJECTIONS,
            "項目「" + id + "」は受理する申出としてチェックされています。却下する場合はチェックを外してください。");
      }
      if (reasons.containsKey(id)) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_REJECTIONS,
            "項目「" + id + "」の却下の理由が2行以上あります。1件につき1行で記入してください。");
      }
      if (reason.length() > MAX_REASON) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_REJECTIONS,
            "項目「" + id + "」の却下の理由は" + MAX_REASON + "文字以内で入力してください。");
      }
      reasons.put(id, reason);
    }
    List<Judgement> judgements = new ArrayList<>();
    for (WithheldItem request : requested.values()) {
      if (accepted.contains(request.itemId())) {
        judgements.add(new Judgement(request.itemId(), request.reason(), true, null));
      } else if (reasons.getOrDefault(request.itemId(), "").isEmpty()) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_REJECTIONS,
            "項目「" + request.itemId() + "」の公表の留保の申出は、受理するならチェックし、却下するなら「"
            + request.itemId() + ": 理由」の形で却下の理由を記入してください（第11条第2項）。");
      } else {
        judgements.add(new Judgement(request.itemId(), request.reason(), false, reasons.get(request.itemId())));
      }
    }
    return judgements;
  }

  /**
   * The items withheld at certification: the requests accepted. A request without a judgement (an
   * application reviewed before requests were judged) stays withheld: a published item cannot be
   * taken back, a withheld one can be published by a change later.
   */
  public static Set<String> withheld(List<WithheldItem> requests, List<Judgement> judgements) {
    Set<String> rejected = new TreeSet<>();
    judgements.stream().filter(j -> !j.accepted()).forEach(j -> rejected.add(j.itemId()));
    Set<String> withheld = new TreeSet<>();
    requests.stream().map(WithheldItem::itemId).filter(id -> !rejected.contains(id)).forEach(withheld::add);
    return withheld;
  }
}
