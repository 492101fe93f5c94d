package jp.iotcert.application;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * What the manager's decision 「認定の可否を決定する」 must be (第6条1, 第6条4): to certify or not to
 * certify, a refusal with its reasons (第6条4: the applicant is told why), and only for an
 * application that has not ended (withdrawn, closed) meanwhile.
 */
@Service
public class DecisionRules {

  /**
   * @param decision {@link ApplicationProcess#DECISION_CERTIFY} or {@link ApplicationProcess#DECISION_REFUSE}
   * @param reasons the manager's reasons, trimmed ("" when none)
   * @param status where the application stands now
   * @throws FormRuleViolation naming the field and saying, in Japanese, what to correct
   */
  public void check(String applicationNumber, String decision, String reasons, ApplicationStatus status) {
    if (!ApplicationProcess.DECISION_CERTIFY.equals(decision) && !ApplicationProcess.DECISION_REFUSE.equals(decision)) {
      throw new FormRuleViolation(ApplicationProcess.DECISION, "認定する（CERTIFY）か認定しない（REFUSE）かを選んでください。");
    }
    if (ApplicationProcess.DECISION_REFUSE.equals(decision) && reasons.isBlank()) {
      throw new FormRuleViolation(ApplicationProcess.DECISION_REASONS, "認定しない場合は、その理由を記入してください（第6条第4項）。");
    }
    if (reasons.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(ApplicationProcess.DECISION_REASONS, "理由は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
    if (status.isEnded()) {
      throw new FormRuleViolation("申請 " + applicationNumber + " は既に終了しています。");
    }
  }
}
