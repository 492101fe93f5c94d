package jp.iotcert.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.iotcert.common.FormRuleViolation;
import org.junit.jupiter.api.Test;

/** 第7条: the selected members and their opinions, without Spring. */
class OpinionRulesTest {

  private final OpinionRules rules = new OpinionRules();

  @Test
  void onlyASelectedMemberHoldsAnOpinionTask() {
    assertThatCode(() -> rules.checkHolder(List.of("committee1", "committee2"), "committee2")).doesNotThrowAnyException();
    assertThatThrownBy(() -> rules.checkHolder(List.of("committee1", "committee2"), "committee3"))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("選任された委員");
    assertThatThrownBy(() -> rules.checkHolder(List.of("committee1"), null)).isInstanceOf(FormRuleViolation.class);
  }

  @Test
  void anOpinionIsOneOfThreeWithItsReasons() {
    assertThatThrownBy(() -> rules.checkOpinion("MAYBE", "理由")).isInstanceOf(FormRuleViolation.class)
        .hasMessageContaining("賛成");
    assertThatThrownBy(() -> rules.checkOpinion("FAVOURABLE", "")).hasMessageContaining("理由");
    assertThatThrownBy(() -> rules.checkOpinion("FAVOURABLE", "x".repeat(3001))).hasMessageContaining("3000");
    assertThatCode(() -> rules.checkOpinion("CONDITIONAL", "条件付きで賛成")).doesNotThrowAnyException();
  }

  @Test
  void theCommitteeSitsWithEnoughMembersAndTheFirstChairs() {
    CommitteeSelection.Committee committee = CommitteeSelection.committee(List.of("committee1", "committee2"), 2);
    assertThat(committee.sufficient()).isTrue();
    assertThat(committee.chair()).isEqualTo("committee1");
    assertThat(CommitteeSelection.committee(List.of("committee2"), 2).sufficient()).isFalse();
    assertThat(CommitteeSelection.committee(List.of(), 2).chair()).isNull();
  }
}
