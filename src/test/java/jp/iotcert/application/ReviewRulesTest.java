package jp.iotcert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.common.FormRuleViolation;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** 第6条 review against the criteria (the 第11条 disclosure items), without Spring. */
class ReviewRulesTest {

  private static final List<DisclosureItem> CATALOGUE = List.of(
      new DisclosureItem("B-01", "基本", "開示情報の時点", "", true),
      new DisclosureItem("B-02", "基本", "サービス名", "", true),
      new DisclosureItem("B-29", "セキュリティ", "暗号化", "", false));

  private static void check(String result, String findings, String nonConforming, Set<String> conforming,
      Set<String> offered) {
    ReviewRules.check(new ReviewRules.Review(result, findings, nonConforming, conforming, offered), CATALOGUE);
  }

  private static String field(Throwable e) {
    return ((FormFieldValidationException) e).getDetail();
  }

  @Test
  void aReviewNeedsAResultAndFindings() {
    assertThatThrownBy(() -> check(null, "所見", "", Set.of("B-01", "B-02"), Set.of()))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("審査結果")
        .satisfies(e -> assertThat(field(e)).isEqualTo(ApplicationProcess.REVIEW_RESULT));
    assertThatThrownBy(() -> check("MAYBE", "所見", "", Set.of(), Set.of())).isInstanceOf(FormRuleViolation.class);
    assertThatThrownBy(() -> check("CONFORMING", "  ", "", Set.of("B-01", "B-02"), Set.of()))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("所見");
    assertThatThrownBy(() -> check("CONFORMING", "x".repeat(3001), "", Set.of("B-01", "B-02"), Set.of()))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("3000");
  }

  @Test
  void conformingNeedsEveryOfferedMandatoryItemChecked() {
    assertThatThrownBy(() -> check("CONFORMING", "適合", "", Set.of("B-01"), Set.of()))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("B-02");
    assertThatCode(() -> check("CONFORMING", "適合", "", Set.of("B-01", "B-02"), Set.of())).doesNotThrowAnyException();
    // Only the items the checklist offered count; optional items never do.
    assertThatCode(() -> check("CONFORMING", "適合", "", Set.of("B-01"), Set.of("B-01", "B-29")))
        .doesNotThrowAnyException();
  }

  @Test
  void nonConformingNamesKnownCatalogueItems() {
    assertThatThrownBy(() -> check("NON_CONFORMING", "不備", "", Set.of(), Set.of()))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("項目ID");
    assertThatThrownBy(() -> check("NON_CONFORMING", "不備", "B-29, Z-99", Set.of(), Set.of()))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("Z-99");
    assertThatCode(() -> check("NON_CONFORMING", "不備", "B-29、B-02", Set.of(), Set.of())).doesNotThrowAnyException();
  }

  private static ReviewRules.Review all(String result, Set<String> exceptions, Set<String> offered) {
    return new ReviewRules.Review(result, "所見", "", Set.of(), offered, true, exceptions);
  }

  @Test
  void allConformingCountsEveryOfferedItemButTheExceptions() {
    // No item ticked one by one: 「すべて適合」 alone satisfies every mandatory item offered.
    assertThatCode(() -> ReviewRules.check(all("CONFORMING", Set.of(), Set.of("B-01", "B-02", "B-29")), CATALOGUE))
        .doesNotThrowAnyException();
    assertThat(ReviewRules.conformingItems(all("CONFORMING", Set.of("B-29"), Set.of("B-01", "B-02", "B-29")),
        CATALOGUE)).containsExactly("B-01", "B-02");
    // Offer unknown (a REST client): every catalogue item is offered.
    assertThat(ReviewRules.conformingItems(all("CONFORMING", Set.of(), Set.of()), CATALOGUE))
        .containsExactly("B-01", "B-02", "B-29");
    // An optional item excepted still allows 適合; a mandatory one does not.
    assertThatCode(() -> ReviewRules.check(all("CONFORMING", Set.of("B-29"), Set.of()), CATALOGUE))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ReviewRules.check(all("CONFORMING", Set.of("B-02"), Set.of()), CATALOGUE))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("未確認: B-02")
        .satisfies(e -> assertThat(field(e)).isEqualTo(ApplicationProcess.CONFORMING_ITEMS));
    // Without the box, the ticked items count as before: nothing ticked is refused.
    assertThatThrownBy(() -> check("CONFORMING", "所見", "", Set.of(), Set.of("B-01", "B-02")))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("未確認: B-01, B-02");
    assertThat(ReviewRules.conformingItems(new ReviewRules.Review("CONFORMING", "所見", "", Set.of("B-01"),
        Set.of(), false, Set.of("B-01")), CATALOGUE)).containsExactly("B-01");
  }

  @Test
  void anExceptionMustBeAnOfferedItem() {
    assertThatThrownBy(() -> ReviewRules.check(all("CONFORMING", Set.of("B-99"), Set.of()), CATALOGUE))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("例外の項目ID「B-99」")
        .satisfies(e -> assertThat(field(e)).isEqualTo(ApplicationProcess.CONFORMING_EXCEPTIONS));
    assertThatThrownBy(() -> ReviewRules.check(all("NON_CONFORMING", Set.of("B-29"), Set.of("B-01", "B-02")),
        CATALOGUE)).isInstanceOf(FormRuleViolation.class).hasMessageContaining("B-29");
  }
}
