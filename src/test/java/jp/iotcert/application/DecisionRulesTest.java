package jp.iotcert.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.iotcert.common.FormRuleViolation;
import org.junit.jupiter.api.Test;

/** 第6条1 and 第6条4: the manager's decision, without Spring. */
class DecisionRulesTest {

  private final DecisionRules rules = new DecisionRules();

  @Test
  void theDecisionIsToCertifyOrNot() {
    assertThatThrownBy(() -> rules.check("A-1", "MAYBE", "", ApplicationStatus.UNDER_REVIEW))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("CERTIFY");
    assertThatThrownBy(() -> rules.check("A-1", "", "", ApplicationStatus.UNDER_REVIEW))
        .isInstanceOf(FormRuleViolation.class);
    assertThatCode(() -> rules.check("A-1", "CERTIFY", "", ApplicationStatus.UNDER_REVIEW)).doesNotThrowAnyException();
  }

  @Test
  void aRefusalNeedsItsReasons() {
    assertThatThrownBy(() -> rules.check("A-1", "REFUSE", " ", ApplicationStatus.UNDER_REVIEW))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("第6条第4項");
    assertThatThrownBy(() -> rules.check("A-1", "REFUSE", "x".repeat(3001), ApplicationStatus.UNDER_REVIEW))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("3000");
    assertThatCode(() -> rules.check("A-1", "REFUSE", "基準に適合しない", ApplicationStatus.UNDER_REVIEW))
        .doesNotThrowAnyException();
  }

  @Test
  void anEndedApplicationCannotBeDecided() {
    for (ApplicationStatus ended : new ApplicationStatus[] {ApplicationStatus.WITHDRAWN, ApplicationStatus.CLOSED,
        ApplicationStatus.CERTIFIED, ApplicationStatus.NOT_CERTIFIED, ApplicationStatus.REFUSED}) {
      assertThatThrownBy(() -> rules.check("A-1", "CERTIFY", "", ended))
          .isInstanceOf(FormRuleViolation.class).hasMessageContaining("既に終了");
    }
  }

  @Test
  void certifyingAgainstANonConformingReviewNeedsItsReason() {
    assertThatThrownBy(() -> rules.check("A-1", "CERTIFY", "", "NON_CONFORMING", " ", ApplicationStatus.UNDER_REVIEW))
        .isInstanceOf(FormRuleViolation.class)
        .hasMessage("審査結果が不適合の申請を認定するには、審査基準に適合すると認める理由を記入してください（第6条第1項）。");
    assertThatThrownBy(() -> rules.check("A-1", "CERTIFY", "", "NON_CONFORMING", "x".repeat(3001),
        ApplicationStatus.UNDER_REVIEW)).isInstanceOf(FormRuleViolation.class).hasMessageContaining("3000");
    assertThatCode(() -> rules.check("A-1", "CERTIFY", "", "NON_CONFORMING", "実地調査で是正を確認した",
        ApplicationStatus.UNDER_REVIEW)).doesNotThrowAnyException();
    // Refusing a 不適合 review, or certifying a 適合 one, needs no such reason.
    assertThatCode(() -> rules.check("A-1", "REFUSE", "基準不適合", "NON_CONFORMING", "", ApplicationStatus.UNDER_REVIEW))
        .doesNotThrowAnyException();
    assertThatCode(() -> rules.check("A-1", "CERTIFY", "", "CONFORMING", "", ApplicationStatus.UNDER_REVIEW))
        .doesNotThrowAnyException();
  }
}
