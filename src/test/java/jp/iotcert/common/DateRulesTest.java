package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The deadline rule: after today, at most two years ahead, for API bodies and task forms alike. */
class DateRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2027, 3, 18);

  @Test
  void aDeadlineLiesAfterTodayAndAtMostTwoYearsAhead() {
    assertThat(DateRules.deadline(TODAY, TODAY)).isEqualTo("明日以降の日付です");
    assertThat(DateRules.deadline(TODAY.minusDays(1), TODAY)).isEqualTo("明日以降の日付です");
    assertThat(DateRules.deadline(TODAY.plusDays(1), TODAY)).isNull();
    assertThat(DateRules.deadline(TODAY.plusYears(2), TODAY)).isNull();
    assertThat(DateRules.deadline(TODAY.plusYears(2).plusDays(1), TODAY)).isEqualTo("2029-03-18 までの日付です");
  }

  @Test
  void aFormDeadlineBreakingTheRuleIsAFormRuleViolationInJapanese() {
    assertThatThrownBy(() -> DateRules.checkFormDeadline("investigationDeadline", "調査の提出期限", TODAY, TODAY))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("調査の提出期限は明日以降の日付です。");
    assertThatThrownBy(() -> DateRules.checkFormDeadline("improvementDeadline", "改善の期限", null, TODAY))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("改善の期限は明日以降の日付です。");
    assertThatThrownBy(() -> DateRules.checkFormDeadline("improvementDeadline", "改善の期限", TODAY.plusYears(3), TODAY))
        .isInstanceOf(FormRuleViolation.class).hasMessageContaining("2029-03-18 までの日付です");
    assertThatNoException().isThrownBy(
        () -> DateRules.checkFormDeadline("improvementDeadline", "改善の期限", TODAY.plusDays(1), TODAY));
  }
}
