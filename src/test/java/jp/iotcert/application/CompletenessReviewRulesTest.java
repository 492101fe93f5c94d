package jp.iotcert.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.iotcert.common.FormRuleViolation;
import org.junit.jupiter.api.Test;

/** Staff's completeness check (第4条, 第5条), without Spring. */
class CompletenessReviewRulesTest {

  private final CompletenessReviewRules rules = new CompletenessReviewRules();

  @Test
  void incompleteNeedsWhatToSupplementUnlessTheAutomaticCheckListsIt() {
    assertThatThrownBy(() -> rules.check(false, true, ""))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("補正依頼の内容");
    assertThatCode(() -> rules.check(false, false, "")).doesNotThrowAnyException();
    assertThatCode(() -> rules.check(false, true, "証明書が古い")).doesNotThrowAnyException();
    assertThatCode(() -> rules.check(true, true, "")).doesNotThrowAnyException();
    assertThatThrownBy(() -> rules.check(false, true, "x".repeat(3001))).hasMessageContaining("3000");
  }

  @Test
  void completeDocumentsNeedTheTickWhenTheCorporateNumberCheckDidNotConfirm() {
    assertThatThrownBy(() -> rules.checkCorporation(true, false, false, false))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("登記事項証明書で確認してチェック");
    assertThatCode(() -> rules.checkCorporation(true, false, true, false)).doesNotThrowAnyException();
    assertThatCode(() -> rules.checkCorporation(true, true, false, false)).as("confirmed by the NTA").doesNotThrowAnyException();
    assertThatCode(() -> rules.checkCorporation(false, false, false, false)).as("incomplete: a supplement").doesNotThrowAnyException();
    assertThatCode(() -> rules.checkCorporation(true, null, false, false)).as("started before the check").doesNotThrowAnyException();
    assertThatCode(() -> rules.checkCorporation(true, false, false, true)).as("a renewal: no 登記事項証明書").doesNotThrowAnyException();
  }
}
