package jp.iotcert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.application.WithholdingRules.Judgement;
import jp.iotcert.application.WithholdingRules.Submitted;
import jp.iotcert.common.FormRuleViolation;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** 第11条2: each request to withhold an item is accepted, or rejected with a reason; only accepted ones are withheld. */
class WithholdingRulesTest {

  private static final List<WithheldItem> REQUESTS = List.of(
      new WithheldItem("B-09", "非上場のため売上高は公表を控えたい"),
      new WithheldItem("B-10", "従業員数は競争上の秘密"));

  private static String field(Throwable e) {
    return ((FormFieldValidationException) e).getDetail();
  }

  @Test
  void eachRequestIsAcceptedOrRejectedWithAReason() {
    List<Judgement> judgements = WithholdingRules.judge(REQUESTS, List.of(
        new Submitted("B-10", "REJECTED", "  従業員数は他の認定サービスでも公表されている  "),
        new Submitted("B-09", "ACCEPTED", "受理なので読まれない")));
    assertThat(judgements).containsExactly(
        new Judgement("B-09", "非上場のため売上高は公表を控えたい", true, null),
        new Judgement("B-10", "従業員数は競争上の秘密", false, "従業員数は他の認定サービスでも公表されている"));
    assertThat(WithholdingRules.withheld(REQUESTS, judgements)).containsExactly("B-09");
  }

  @Test
  void aRejectionNeedsAReason() {
    for (String reason : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of(new Submitted("B-09", "ACCEPTED", null),
          new Submitted("B-10", "REJECTED", reason))))
          .isInstanceOf(FormRuleViolation.class).hasMessageContaining("B-10").hasMessageContaining("却下する理由")
          .satisfies(e -> assertThat(field(e)).isEqualTo(ApplicationProcess.WITHHOLDING_JUDGEMENTS));
    }
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of(new Submitted("B-09", "ACCEPTED", null),
        new Submitted("B-10", "REJECTED", "x".repeat(1001)))))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("1000文字");
  }

  @Test
  void everyRequestNeedsAJudgement() {
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of(new Submitted("B-09", "ACCEPTED", null))))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("B-10").hasMessageContaining("受理するか却下するか");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of(new Submitted("B-09", "ACCEPTED", null),
        new Submitted("B-10", "MAYBE", "理由")))).isInstanceOf(FormRuleViolation.class).hasMessageContaining("B-10");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of()))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("B-09");
  }

  @Test
  void onlyRequestedItemsAreJudgedAndEachOnce() {
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of(new Submitted("B-09", "ACCEPTED", null),
        new Submitted("B-10", "ACCEPTED", null), new Submitted("B-11", "ACCEPTED", null))))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("項目「B-11」について公表の留保の申出はありません");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of(new Submitted(null, "ACCEPTED", null))))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("申出はありません");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, List.of(new Submitted("B-09", "ACCEPTED", null),
        new Submitted("B-09", "REJECTED", "理由"), new Submitted("B-10", "ACCEPTED", null))))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("重複");
  }

  @Test
  void withoutRequestsNothingIsAskedAndNothingWithheld() {
    assertThat(WithholdingRules.judge(List.of(), List.of())).isEmpty();
    assertThat(WithholdingRules.withheld(List.of(), List.of())).isEmpty();
  }

  @Test
  void aRequestNeverJudgedStaysWithheld() {
    // An application reviewed before requests were judged: nothing published that was asked to be withheld.
    assertThat(WithholdingRules.withheld(REQUESTS, List.of())).containsExactly("B-09", "B-10");
    assertThat(WithholdingRules.withheld(REQUESTS,
        List.of(new Judgement("B-10", "従業員数は競争上の秘密", false, "公表済みの情報")))).containsExactly("B-09");
  }
}
