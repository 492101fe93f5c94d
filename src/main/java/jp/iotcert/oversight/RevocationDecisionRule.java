package jp.iotcert.oversight;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * The manager's decision on a revocation case (第17条第1項): to revoke (REVOKE) or not (KEEP) is their
 * discretion, but a revocation needs at least one ground of 第17条第1項, and every decision states its
 * reasons (they go to the provider in the written notice, 第17条第2項), within {@link TaskInput#MAX_TEXT}.
 */
@Service
public class RevocationDecisionRule {

  /** Throws {@link FormRuleViolation} when the decision cannot be taken as submitted. */
  public void check(String decision, int groundCount, String reasons) {
    if (!RevocationProcess.REVOKE.equals(decision) && !RevocationProcess.KEEP.equals(decision)) {
      throw new FormRuleViolation(RevocationProcess.DECISION, "取り消す（REVOKE）か取り消さない（KEEP）かを選んでください。");
    }
    String text = reasons == null ? "" : reasons.strip();
    if (text.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(RevocationProcess.REASONS, "理由は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
    if (RevocationProcess.REVOKE.equals(decision) && groundCount == 0) {
      throw new FormRuleViolation(RevocationProcess.DECISION, "第17条第1項の取消事由に該当しないため、取り消すことはできません。");
    }
    if (text.isEmpty()) {
      throw new FormRuleViolation(RevocationProcess.REASONS, "決定の理由を記入してください。");
    }
  }
}
