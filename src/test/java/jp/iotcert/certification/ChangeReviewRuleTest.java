package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.junit.jupiter.api.Test;

/** 第13条第1項: a change not accepted is answered with its reason. */
class ChangeReviewRuleTest {

  private final ChangeReviewRule rule = new ChangeReviewRule();

  @Test
  void anAcceptedChangeNeedsNoNote() {
    assertThatCode(() -> rule.check(true, "")).doesNotThrowAnyException();
    assertThatCode(() -> rule.check(true, null)).doesNotThrowAnyException();
  }

  @Test
  void aChangeNotAcceptedNeedsItsReason() {
    assertThatThrownBy(() -> rule.check(false, "  ")).isInstanceOf(FormRuleViolation.class).hasMessageContaining("理由");
    assertThatCode(() -> rule.check(false, "登記の変更を確認できない")).doesNotThrowAnyException();
  }

  @Test
  void theNoteIsLimited() {
    assertThatThrownBy(() -> rule.check(true, "あ".repeat(TaskInput.MAX_TEXT + 1)))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("3000");
  }
}
