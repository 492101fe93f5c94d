package jp.iotcert.oversight;

import java.time.LocalDate;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import jp.iotcert.oversight.Investigations.Outcome;
import org.springframework.stereotype.Service;

/**
 * What staff's answers in an investigation must be (第15条: the body asks for explanations and
 * documents and may inspect on site; 第15条3: the provider bears the inspection's cost; 第16条: an
 * improvement request with its content, deadline and whether it is published; 第17条1(6): a refused
 * investigation or a false explanation is a fact of a revocation).
 * <ul>
 *   <li>{@link #checkAssessment}: 「説明・資料を評価する」 says whether the explanation suffices, with an assessment;</li>
 *   <li>{@link #inspectionCost}: 「実地調査の費用を記録する」 records a whole number of yen, 0 when nothing is charged;</li>
 *   <li>{@link #decide}: 「調査の結果を判断する」 chooses an outcome with findings; an improvement request
 *   needs its content, a deadline ({@link DateRules#checkFormDeadline}) and whether it is published (第16条2).</li>
 * </ul>
 * Texts are taken trimmed, "" or null when empty; every refusal is a {@link FormRuleViolation} naming
 * the form field, with the Japanese sentence the user reads.
 */
@Service
public class InvestigationRules {

  /** Highest inspection cost accepted (yen): a typing error, not a cost, above it. */
  public static final long MAX_INSPECTION_COST = 100_000_000L;
  /** Longest breakdown of the inspection's cost. */
  public static final int MAX_COST_NOTE = 1000;

  /** The fields of 「調査の結果を判断する」. */
  public record Decision(String outcome, String findings, String improvementContent, LocalDate improvementDeadline,
      Boolean publishImprovement) {}

  /**
   * 第15条, 第17条1(6): whether the explanation suffices must be answered, with the assessment.
   *
   * @param sufficient the answer, null when none was chosen
   * @throws FormRuleViolation when the answer or the assessment is missing, or the assessment is too long
   */
  public void checkAssessment(Boolean sufficient, String assessmentNote) {
    if (sufficient == null) {
      throw new FormRuleViolation(InvestigationProcess.EXPLANATION_SUFFICIENT, "説明・資料が十分か（はい／いいえ）を選んでください。");
    }
    TaskInput.maxLength(InvestigationProcess.ASSESSMENT_NOTE, "評価", assessmentNote);
    if (isEmpty(assessmentNote)) {
      throw new FormRuleViolation(InvestigationProcess.ASSESSMENT_NOTE, "評価を記入してください。");
    }
  }

  /**
   * 第15条3: the cost of an on-site inspection, borne by the provider, is a whole number of yen from 0
   * (nothing charged) to {@link #MAX_INSPECTION_COST}; its breakdown at most {@link #MAX_COST_NOTE} characters.
   *
   * @param cost the form's number (any numeric type), null when absent
   * @return the cost in yen
   * @throws FormRuleViolation when the cost is not such a number or the breakdown is too long
   */
  public long inspectionCost(Object cost, String costNote) {
    if (!(cost instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0
        || n.longValue() > MAX_INSPECTION_COST) {
      throw new FormRuleViolation(InvestigationProcess.INSPECTION_COST, "実地調査の費用を0円以上の整数（円）で入力してください。");
    }
    if (costNote != null && costNote.length() > MAX_COST_NOTE) {
      throw new FormRuleViolation(InvestigationProcess.INSPECTION_COST_NOTE, "費用の内訳は1000文字以内で入力してください。");
    }
    return n.longValue();
  }

  /**
   * 第15条, 第16条: the outcome of an investigation (NONE, IMPROVEMENT, REVOCATION) with its findings;
   * an improvement request needs its content, a deadline after today and at most two years ahead, and
   * whether it is published (第16条2).
   *
   * @param today the business day, for the improvement's deadline
   * @return the outcome
   * @throws FormRuleViolation when the decision cannot be taken as submitted
   */
  public Outcome decide(Decision decision, LocalDate today) {
    Outcome outcome;
    try {
      outcome = Outcome.valueOf(decision.outcome() == null ? "" : decision.outcome().strip());
    } catch (IllegalArgumentException e) {
      throw new FormRuleViolation(InvestigationProcess.OUTCOME, "措置（NONE, IMPROVEMENT, REVOCATION）を選んでください。");
    }
    TaskInput.maxLength(InvestigationProcess.FINDINGS, "調査の結果", decision.findings());
    TaskInput.maxLength(InvestigationProcess.IMPROVEMENT_CONTENT, "改善の要請の内容", decision.improvementContent());
    if (isEmpty(decision.findings())) {
      throw new FormRuleViolation(InvestigationProcess.FINDINGS, "調査の結果を記入してください。");
    }
    if (outcome == Outcome.IMPROVEMENT) {
      if (isEmpty(decision.improvementContent())) {
        throw new FormRuleViolation(InvestigationProcess.IMPROVEMENT_CONTENT, "改善の要請の内容を記入してください。");
      }
      DateRules.checkFormDeadline(InvestigationProcess.IMPROVEMENT_DEADLINE, "改善の期限", decision.improvementDeadline(),
          today);
      if (decision.publishImprovement() == null) {
        throw new FormRuleViolation(InvestigationProcess.PUBLISH_IMPROVEMENT, "改善の要請を公表するか（第16条第2項）を選んでください。");
      }
    }
    return outcome;
  }

  private static boolean isEmpty(String text) {
    return text == null || text.isBlank();
  }
}
