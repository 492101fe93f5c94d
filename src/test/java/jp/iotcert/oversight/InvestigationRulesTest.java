package jp.iotcert.oversight;

import static jp.iotcert.oversight.EmergencyRulesTest.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.iotcert.common.TaskInput;
import jp.iotcert.oversight.Investigations.Outcome;
import org.junit.jupiter.api.Test;

/** 第15条 (explanations), 第15条3 (the inspection's cost), 第16条 (the improvement request an investigation decides). */
class InvestigationRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
  private static final String LONG = "あ".repeat(TaskInput.MAX_TEXT + 1);

  private final InvestigationRules rules = new InvestigationRules();

  private static InvestigationRules.Decision improvement(String content, LocalDate deadline, Boolean publish) {
    return new InvestigationRules.Decision("IMPROVEMENT", "運用に不備", content, deadline, publish);
  }

  // 第15条, 第17条1(6) ----------------------------------------------------------------------------

  @Test
  void theSufficiencyMustBeAnswered() {
    refused(() -> rules.checkAssessment(null, "評価"), InvestigationProcess.EXPLANATION_SUFFICIENT,
        "説明・資料が十分か（はい／いいえ）を選んでください。");
  }

  @Test
  void theSufficiencyNeedsAnAssessmentWithinTheLimit() {
    refused(() -> rules.checkAssessment(true, ""), InvestigationProcess.ASSESSMENT_NOTE, "評価を記入してください。");
    refused(() -> rules.checkAssessment(false, LONG), InvestigationProcess.ASSESSMENT_NOTE,
        "評価は3000文字以内で入力してください。");
    rules.checkAssessment(false, "資料が不足している");
  }

  // 第15条3 ------------------------------------------------------------------------------------

  @Test
  void theInspectionCostIsAWholeNumberOfYenFromZero() {
    String message = "実地調査の費用を0円以上の整数（円）で入力してください。";
    for (Object bad : new Object[] {null, "50000", -1, 1.5, InvestigationRules.MAX_INSPECTION_COST + 1}) {
      refused(() -> rules.inspectionCost(bad, ""), InvestigationProcess.INSPECTION_COST, message);
    }
    assertThat(rules.inspectionCost(0, "")).isZero();
    assertThat(rules.inspectionCost(120000.0, "交通費")).isEqualTo(120_000L);
    assertThat(rules.inspectionCost(InvestigationRules.MAX_INSPECTION_COST, null))
        .isEqualTo(InvestigationRules.MAX_INSPECTION_COST);
  }

  @Test
  void theCostBreakdownIsAtMostAThousandCharacters() {
    refused(() -> rules.inspectionCost(1000L, "あ".repeat(1001)), InvestigationProcess.INSPECTION_COST_NOTE,
        "費用の内訳は1000文字以内で入力してください。");
    assertThat(rules.inspectionCost(1000L, "あ".repeat(1000))).isEqualTo(1000L);
  }

  // 第15条, 第16条 -------------------------------------------------------------------------------

  @Test
  void theOutcomeIsNoneImprovementOrRevocation() {
    for (String bad : new String[] {null, "", "CLOSE", "improvement"}) {
      refused(() -> rules.decide(new InvestigationRules.Decision(bad, "結果", "", null, null), TODAY),
          InvestigationProcess.OUTCOME, "措置（NONE, IMPROVEMENT, REVOCATION）を選んでください。");
    }
    assertThat(rules.decide(new InvestigationRules.Decision("NONE", "問題なし", "", null, null), TODAY))
        .isEqualTo(Outcome.NONE);
    assertThat(rules.decide(new InvestigationRules.Decision("REVOCATION", "虚偽の説明", "", null, null), TODAY))
        .isEqualTo(Outcome.REVOCATION);
  }

  @Test
  void everyOutcomeStatesItsFindingsWithinTheLimit() {
    refused(() -> rules.decide(new InvestigationRules.Decision("NONE", "", "", null, null), TODAY),
        InvestigationProcess.FINDINGS, "調査の結果を記入してください。");
    refused(() -> rules.decide(new InvestigationRules.Decision("NONE", LONG, "", null, null), TODAY),
        InvestigationProcess.FINDINGS, "調査の結果は3000文字以内で入力してください。");
    refused(() -> rules.decide(new InvestigationRules.Decision("NONE", "問題なし", LONG, null, null), TODAY),
        InvestigationProcess.IMPROVEMENT_CONTENT, "改善の要請の内容は3000文字以内で入力してください。");
  }

  @Test
  void anImprovementRequestNeedsItsContent() {
    refused(() -> rules.decide(improvement("", TODAY.plusDays(30), false), TODAY), InvestigationProcess.IMPROVEMENT_CONTENT,
        "改善の要請の内容を記入してください。");
  }

  @Test
  void anImprovementRequestNeedsADeadlineAfterTodayWithinTwoYears() {
    refused(() -> rules.decide(improvement("手順の見直し", null, false), TODAY), InvestigationProcess.IMPROVEMENT_DEADLINE,
        "改善の期限は明日以降の日付です。");
    refused(() -> rules.decide(improvement("手順の見直し", TODAY.minusDays(1), false), TODAY),
        InvestigationProcess.IMPROVEMENT_DEADLINE, "改善の期限は明日以降の日付です。");
    refused(() -> rules.decide(improvement("手順の見直し", TODAY.plusYears(3), false), TODAY),
        InvestigationProcess.IMPROVEMENT_DEADLINE, "改善の期限は2028-04-01 までの日付です。");
  }

  @Test
  void anImprovementRequestSaysWhetherItIsPublished() {
    refused(() -> rules.decide(improvement("手順の見直し", TODAY.plusDays(30), null), TODAY),
        InvestigationProcess.PUBLISH_IMPROVEMENT, "改善の要請を公表するか（第16条第2項）を選んでください。");
    assertThat(rules.decide(improvement("手順の見直し", TODAY.plusDays(30), false), TODAY)).isEqualTo(Outcome.IMPROVEMENT);
  }

  @Test
  void otherOutcomesNeedNoImprovementFields() {
    assertThat(rules.decide(new InvestigationRules.Decision("REVOCATION", "協力を拒否", "", null, null), TODAY))
        .isEqualTo(Outcome.REVOCATION);
  }
}
