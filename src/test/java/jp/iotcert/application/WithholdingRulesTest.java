package jp.iotcert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import jp.iotcert.application.ApplicationRequest.WithheldItem;
import jp.iotcert.application.WithholdingRules.Judgement;
import jp.iotcert.common.FormRuleViolation;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** 第11条2: each request to withhold an item is accepted, or rejected with a reason; only accepted ones are withheld. */
class WithholdingRulesTest {

  private static final List<WithheldItem> REQUESTS = List.of(
      new WithheldItem("B-09", "非上場のため売上高は公表を控えたい"),
      new WithheldItem("B-10", "経常利益は競争上の秘密"));

  private static String field(Throwable e) {
    return ((FormFieldValidationException) e).getDetail();
  }

  @Test
  void eachRequestIsAcceptedOrRejectedWithAReason() {
    List<Judgement> judgements = WithholdingRules.judge(REQUESTS, Set.of("B-09"),
        "\n  B-10： 経常利益は決算公告で公表済み  \n\n");
    assertThat(judgements).containsExactly(
        new Judgement("B-09", "非上場のため売上高は公表を控えたい", true, null),
        new Judgement("B-10", "経常利益は競争上の秘密", false, "経常利益は決算公告で公表済み"));
    assertThat(WithholdingRules.withheld(REQUESTS, judgements)).containsExactly("B-09");
    // Any of the separators people type: colon, comma, 「、」 or a space.
    for (String line : new String[] {"B-10: 理由", "B-10,理由", "B-10、理由", "B-10 理由"}) {
      assertThat(WithholdingRules.judge(REQUESTS, Set.of("B-09"), line).get(1).rejectionReason()).isEqualTo("理由");
    }
    assertThat(WithholdingRules.judge(REQUESTS, Set.of("B-09", "B-10"), null)).allMatch(Judgement::accepted);
  }

  @Test
  void aRequestNotAcceptedNeedsARejectionReason() {
    for (String rejections : new String[] {null, "", "  ", "B-10", "B-10:  "}) {
      assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of("B-09"), rejections))
          .isInstanceOf(FormRuleViolation.class)
          .hasMessage("項目「B-10」の公表の留保の申出は、受理するならチェックし、却下するなら「B-10: 理由」の形で却下の理由を記入してください（第11条第2項）。")
          .satisfies(e -> assertThat(field(e)).isEqualTo(ApplicationProcess.WITHHOLDING_REJECTIONS));
    }
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of(), "B-10: 公表済み"))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("項目「B-09」");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of("B-09"), "B-10: " + "x".repeat(1001)))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("1000文字");
  }

  @Test
  void onlyRequestedItemsAreJudgedAndEachOnce() {
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of("B-09", "B-10", "B-11"), null))
        .isInstanceOf(FormRuleViolation.class).hasMessage("項目「B-11」について公表の留保の申出はありません。")
        .satisfies(e -> assertThat(field(e)).isEqualTo(ApplicationProcess.WITHHOLDING_ACCEPTED));
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of("B-09"), "B-10: 理由\nB-11: 理由"))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("「B-11」は公表の留保の申出のある項目IDではありません");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of("B-09"), "売上高は公表済み"))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("「項目ID: 理由」の形で");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of("B-09"), "B-10: 理由\nB-09: 理由"))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("「B-09」は受理する申出としてチェックされています");
    assertThatThrownBy(() -> WithholdingRules.judge(REQUESTS, Set.of("B-09"), "B-10: 理由\nB-10: 別の理由"))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("2行以上");
  }

  @Test
  void withoutRequestsNothingIsAskedAndNothingWithheld() {
    assertThat(WithholdingRules.judge(List.of(), Set.of(), null)).isEmpty();
    assertThat(WithholdingRules.withheld(List.of(), List.of())).isEmpty();
    assertThatThrownBy(() -> WithholdingRules.judge(List.of(), Set.of("B-09"), null))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("申出はありません");
  }

  @Test
  void aRequestNeverJudgedStaysWithheld() {
    // An application reviewed before requests were judged: nothing published that was asked to be withheld.
    assertThat(WithholdingRules.withheld(REQUESTS, List.of())).containsExactly("B-09", "B-10");
    assertThat(WithholdingRules.withheld(REQUESTS,
        List.of(new Judgement("B-10", "経常利益は競争上の秘密", false, "公表済みの情報")))).containsExactly("B-09");
  }
}
