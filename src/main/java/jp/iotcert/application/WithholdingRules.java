package jp.iotcert.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.common.FormRuleViolation;

/**
 * 第11条2: the body withholds a disclosure item from publication only when the applicant asked for
 * it and the body judges the reason legitimate. The reviewer judges each request of the stored
 * application: accepted, or rejected with a reason. Only the stored requests are judged (the form's
 * copy of them is the reviewer's to change, so it only carries the judgements).
 */
public final class WithholdingRules {

  public static final String ACCEPTED = "ACCEPTED";
  public static final String REJECTED = "REJECTED";
  /** Longest reason for a rejection: it goes into the applicant's notice and the decision form. */
  public static final int MAX_REASON = 1000;

  /** What the reviewer submitted for one request (any field may be missing). */
  public record Submitted(String itemId, String judgement, String rejectionReason) {}

  /** The judgement of one request; {@code rejectionReason} is null when accepted. */
  public record Judgement(String itemId, String requestReason, boolean accepted, String rejectionReason) {}

  private WithholdingRules() {}

  /**
   * Judges every stored request by what the reviewer submitted.
   *
   * @return one judgement per request, in the order of the requests
   * @throws FormRuleViolation for a request without a judgement, a rejection without a reason, or a
   *     judgement of an item the applicant did not ask to withhold
   */
  public static List<Judgement> judge(List<WithheldItem> requests, List<Submitted> submitted) {
    Map<String, WithheldItem> requested = new LinkedHashMap<>();
    requests.forEach(r -> requested.put(r.itemId(), r));
    Map<String, Submitted> byItem = new LinkedHashMap<>();
    for (Submitted s : submitted) {
      String id = s.itemId() == null ? "" : s.itemId().strip();
      if (!requested.containsKey(id)) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_JUDGEMENTS,
            "項目「" + id + "」について公表の留保の申出はありません。申出のあった項目だけを判断してください。");
      }
      if (byItem.put(id, s) != null) {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_JUDGEMENTS,
            "項目「" + id + "」の公表の留保の判断が重複しています。");
      }
    }
    List<Judgement> judgements = new ArrayList<>();
    for (WithheldItem request : requested.values()) {
      Submitted s = byItem.get(request.itemId());
      String judgement = s == null || s.judgement() == null ? "" : s.judgement().strip();
      if (ACCEPTED.equals(judgement)) {
        judgements.add(new Judgement(request.itemId(), request.reason(), true, null));
      } else if (REJECTED.equals(judgement)) {
        String reason = s.rejectionReason() == null ? "" : s.rejectionReason().strip();
        if (reason.isEmpty()) {
          throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_JUDGEMENTS,
              "項目「" + request.itemId() + "」の公表の留保の申出を却下する理由を記入してください（第11条第2項）。");
        }
        if (reason.length() > MAX_REASON) {
          throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_JUDGEMENTS,
              "項目「" + request.itemId() + "」の却下の理由は" + MAX_REASON + "文字以内で入力してください。");
        }
        judgements.add(new Judgement(request.itemId(), request.reason(), false, reason));
      } else {
        throw new FormRuleViolation(ApplicationProcess.WITHHOLDING_JUDGEMENTS,
            "項目「" + request.itemId() + "」の公表の留保の申出を受理するか却下するか選んでください（第11条第2項）。");
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
