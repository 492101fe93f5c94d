package jp.iotcert.oversight;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.junit.jupiter.api.Test;

/** 第17条第1項: the manager may revoke only on a ground, and states the reasons of every decision. */
class RevocationDecisionRuleTest {

  private final RevocationDecisionRule rule = new RevocationDecisionRule();

  @Test
  void theDecisionIsRevokeOrKeep() {
    assertThatThrownBy(() -> rule.check(null, 1, "理由")).isInstanceOf(FormRuleViolation.class)
        .hasMessageContaining("REVOKE");
    assertThatThrownBy(() -> rule.check("MAYBE", 1, "理由")).isInstanceOf(FormRuleViolation.class);
  }

  @Test
  void aRevocationNeedsAGround() {
    assertThatThrownBy(() -> rule.check(RevocationProcess.REVOKE, 0, "取り消したい"))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("取消事由");
    assertThatCode(() -> rule.check(RevocationProcess.REVOKE, 2, "改善要請に従わない")).doesNotThrowAnyException();
  }

  @Test
  void keepingNeedsNoGround() {
    assertThatCode(() -> rule.check(RevocationProcess.KEEP, 0, "事由なし")).doesNotThrowAnyException();
  }

  @Test
  void everyDecisionStatesItsReasonsWithinTheLimit() {
    assertThatThrownBy(() -> rule.check(RevocationProcess.KEEP, 1, " ")).isInstanceOf(FormRuleViolation.class)
        .hasMessageContaining("理由");
    assertThatThrownBy(() -> rule.check(RevocationProcess.REVOKE, 1, null)).isInstanceOf(FormRuleViolation.class)
        .hasMessageContaining("理由");
    assertThatThrownBy(() -> rule.check(RevocationProcess.REVOKE, 1, "あ".repeat(TaskInput.MAX_TEXT + 1)))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("3000");
  }
}
