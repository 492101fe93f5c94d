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

  @Test
  void aFormDateIsReadAsWrittenAndNeverAsAnotherDate() {
    assertThat(DateRules.formDate("inspectionDate", "2026-12-10")).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(DateRules.formDate("inspectionDate", " 2026-12-10 ")).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(DateRules.formDate("inspectionDate", "2026-12-10T23:30:00Z")).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(DateRules.formDate("inspectionDate", "2026-12-10T08:00:00+09:00")).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(DateRules.formDate("inspectionDate", LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(DateRules.formDate("inspectionDate", java.util.Date.from(java.time.Instant.parse("2026-12-09T15:00:00Z"))))
        .as("a Date is read in Japan time").isEqualTo(LocalDate.of(2026, 12, 10));
    assertThat(DateRules.formDate("inspectionDate", null)).isNull();
    assertThat(DateRules.formDate("inspectionDate", "  ")).isNull();
  }

  @Test
  void anUnreadableOrImpossibleFormDateIsRefusedInJapanese() {
    for (String text : new String[] {"2026/12/10", "12/10/2026", "2026-02-30", "2026-13-01", "2026-1-5",
        "2026-12-10x", "2026-12-10Tnoon", "来週", "20261210"}) {
      assertThatThrownBy(() -> DateRules.formDate("inspectionDate", text)).as(text)
          .isInstanceOf(FormRuleViolation.class).hasMessage(DateRules.UNREADABLE)
          .satisfies(e -> assertThat((Object) ((FormRuleViolation) e).getDetail()).isEqualTo("inspectionDate"));
    }
  }
}
