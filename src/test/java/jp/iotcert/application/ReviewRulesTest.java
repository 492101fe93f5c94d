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
}
