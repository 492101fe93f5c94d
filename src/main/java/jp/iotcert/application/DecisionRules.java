package jp.iotcert.application;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * What the manager's decision 「認定の可否を決定する」 must be (第6条1, 第6条4): to certify or not to
 * certify, a refusal with its reasons (第6条4: the applicant is told why), and only for an
 * application that has not ended (withdrawn, closed) meanwhile.
 *
 * <p>第6条1: the body certifies when it finds (認める) that the service meets the review criteria. The
 * reviewer's result is a finding that informs that judgement, not the judgement itself (the
 * inspection of 第6条3 or the committee of 第6条2 may show otherwise), so certifying an application
 * whose review found it 不適合 is not refused; it needs the manager's explicit reason why the
 * service is nevertheless found to meet the criteria, which is recorded with the decision.
 */
@Service
public class DecisionRules {

  /** A decision without a review result to weigh (a review result of 適合, or none recorded). */
  public void check(String applicationNumber, String decision, String reasons, ApplicationStatus status) {
    check(applicationNumber, decision, reasons, null, "", status);
  }

  /**
   * @param decision {@link ApplicationProcess#DECISION_CERTIFY} or {@link ApplicationProcess#DECISION_REFUSE}
   * @param reasons the manager's reasons, trimmed ("" when none)
   * @param reviewResult the review's result ({@link ReviewRules#CONFORMING}, {@link ReviewRules#NON_CONFORMING}, or null)
   * @param overrideReason why the service meets the criteria although the review found it 不適合, trimmed ("" when none)
   * @param status where the application stands now
   * @throws FormRuleViolation naming the field and saying, in Japanese, what to correct
   */
  public void check(String applicationNumber, String decision, String reasons, String reviewResult,
      String overrideReason, ApplicationStatus status) {
    if (!ApplicationProcess.DECISION_CERTIFY.equals(decision) && !ApplicationProcess.DECISION_REFUSE.equals(decision)) {
      throw new FormRuleViolation(ApplicationProcess.DECISION, "認定する（CERTIFY）か認定しない（REFUSE）かを選んでください。");
    }
    if (ApplicationProcess.DECISION_REFUSE.equals(decision) && reasons.isBlank()) {
      throw new FormRuleViolation(ApplicationProcess.DECISION_REASONS, "認定しない場合は、その理由を記入してください（第6条第4項）。");
    }
    if (reasons.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(ApplicationProcess.DECISION_REASONS, "理由は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
    if (overrides(decision, reviewResult) && overrideReason.isBlank()) {
      throw new FormRuleViolation(ApplicationProcess.NON_CONFORMITY_OVERRIDE,
          "審査結果が不適合の申請を認定するには、審査基準に適合すると認める理由を記入してください（第6条第1項）。");
    }
    if (overrideReason.length() > TaskInput.MAX_TEXT) {
      throw new FormRuleViolation(ApplicationProcess.NON_CONFORMITY_OVERRIDE,
          "理由は" + TaskInput.MAX_TEXT + "文字以内で入力してください。");
    }
    if (status.isEnded()) {
      throw new FormRuleViolation("申請 " + applicationNumber + " は既に終了しています。");
    }
  }

  /** Whether the decision certifies against a review that found the application 不適合. */
  public static boolean overrides(String decision, String reviewResult) {
    return ApplicationProcess.DECISION_CERTIFY.equals(decision) && ReviewRules.NON_CONFORMING.equals(reviewResult);
  }
}
