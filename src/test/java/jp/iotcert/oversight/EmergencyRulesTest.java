package jp.iotcert.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** 第14条 (an emergency case is worked until staff close it), 第17条1(5) (was it notified promptly). */
class EmergencyRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
  private static final String LONG = "あ".repeat(TaskInput.MAX_TEXT + 1);

  private final EmergencyRules rules = new EmergencyRules();

  static void refused(ThrowingCallable call, String field, String message) {
    assertThatThrownBy(call).isInstanceOf(FormRuleViolation.class).hasMessage(message)
        .satisfies(e -> assertThat((Object) ((FormRuleViolation) e).getDetail()).isEqualTo(field));
  }

  private static EmergencyRules.ActionForm close(String summary, boolean investigate, String request, LocalDate deadline) {
    return new EmergencyRules.ActionForm(EmergencyProcess.ACTION_CLOSE, summary, investigate, request, deadline);
  }

  private static EmergencyRules.ActionForm continueWaiting() {
    return new EmergencyRules.ActionForm(EmergencyProcess.ACTION_CONTINUE, "", false, "", null);
  }

  // 第17条1(5) -------------------------------------------------------------------------------

  @Test
  void thePromptnessMustBeAnswered() {
    refused(() -> rules.checkAssessment(null, "所見"), EmergencyProcess.NOTIFIED_PROMPTLY,
        "速やかに通知されたか（はい／いいえ）を選んでください。");
  }

  @Test
  void thePromptnessNeedsANoteWithinTheLimit() {
    refused(() -> rules.checkAssessment(true, ""), EmergencyProcess.STAFF_NOTE, "所見を記入してください。");
    refused(() -> rules.checkAssessment(false, null), EmergencyProcess.STAFF_NOTE, "所見を記入してください。");
    refused(() -> rules.checkAssessment(false, LONG), EmergencyProcess.STAFF_NOTE, "所見は3000文字以内で入力してください。");
    rules.checkAssessment(false, "発生から3日後の通知");
  }

  // 第14条 ------------------------------------------------------------------------------------

  @Test
  void theActionIsContinueOrClose() {
    refused(() -> rules.chooseAction(new EmergencyRules.ActionForm(null, "", false, "", null), TODAY, () -> false),
        EmergencyProcess.ACTION, "報告を待つ（CONTINUE）か終結する（CLOSE）かを選んでください。");
    refused(() -> rules.chooseAction(new EmergencyRules.ActionForm("STOP", "", false, "", null), TODAY, () -> false),
        EmergencyProcess.ACTION, "報告を待つ（CONTINUE）か終結する（CLOSE）かを選んでください。");
  }

  @Test
  void waitingForTheNextReportNeedsNothingAndOpensNoInvestigation() {
    assertThat(rules.chooseAction(continueWaiting(), TODAY, () -> {
      throw new AssertionError("unseen reports are asked only on closing");
    })).isEqualTo(new EmergencyRules.Action(false, false));
    assertThat(rules.chooseAction(new EmergencyRules.ActionForm(EmergencyProcess.ACTION_CONTINUE, "", true, "", null),
        TODAY, () -> true).openInvestigation()).isFalse();
  }

  @Test
  void textsAreWithinTheLimitWhateverTheAction() {
    refused(() -> rules.chooseAction(new EmergencyRules.ActionForm(EmergencyProcess.ACTION_CONTINUE, LONG, false, "", null),
        TODAY, () -> false), EmergencyProcess.CLOSING_SUMMARY, "終結の概要は3000文字以内で入力してください。");
    refused(() -> rules.chooseAction(new EmergencyRules.ActionForm(EmergencyProcess.ACTION_CONTINUE, "", false, LONG, null),
        TODAY, () -> false), EmergencyProcess.INVESTIGATION_REQUEST, "求める説明・資料は3000文字以内で入力してください。");
  }

  @Test
  void closingIsRefusedWhileAReportStaffHaveNotSeenIsKept() {
    refused(() -> rules.chooseAction(close("復旧済み", false, "", null), TODAY, () -> true), EmergencyProcess.ACTION,
        "新しい経過報告が届いています。「次の経過報告を待つ」を選ぶと続けて確認できます。確認してから終結してください。");
  }

  @Test
  void closingNeedsASummary() {
    refused(() -> rules.chooseAction(close("", false, "", null), TODAY, () -> false), EmergencyProcess.CLOSING_SUMMARY,
        "終結するときは概要を記入してください。");
    assertThat(rules.chooseAction(close("復旧済み", false, "", null), TODAY, () -> false))
        .isEqualTo(new EmergencyRules.Action(true, false));
  }

  @Test
  void anInvestigationOpenedOnClosingNeedsItsRequest() {
    refused(() -> rules.chooseAction(close("復旧済み", true, " ", TODAY.plusDays(14)), TODAY, () -> false),
        EmergencyProcess.INVESTIGATION_REQUEST, "調査を開始するときは、事業者に求める説明・資料を記入してください。");
  }

  @Test
  void anInvestigationOpenedOnClosingNeedsADeadlineAfterTodayWithinTwoYears() {
    refused(() -> rules.chooseAction(close("復旧済み", true, "再発防止策", null), TODAY, () -> false),
        EmergencyProcess.INVESTIGATION_DEADLINE, "調査の提出期限は明日以降の日付です。");
    refused(() -> rules.chooseAction(close("復旧済み", true, "再発防止策", TODAY), TODAY, () -> false),
        EmergencyProcess.INVESTIGATION_DEADLINE, "調査の提出期限は明日以降の日付です。");
    refused(() -> rules.chooseAction(close("復旧済み", true, "再発防止策", TODAY.plusYears(2).plusDays(1)), TODAY,
        () -> false), EmergencyProcess.INVESTIGATION_DEADLINE, "調査の提出期限は2028-04-01 までの日付です。");
    assertThat(rules.chooseAction(close("復旧済み", true, "再発防止策", TODAY.plusDays(14)), TODAY, () -> false))
        .isEqualTo(new EmergencyRules.Action(true, true));
  }
}
