package jp.iotcert.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.FormRuleViolation;
import org.junit.jupiter.api.Test;

/** 第6条3, 第15条2: the inspection report comes on or after the scheduled day, without Spring. */
class InspectionReportRulesTest {

  private final InspectionReportRules rules = new InspectionReportRules();
  private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

  @Test
  void onlyTheFormsTwoResultsAreAccepted() {
    assertThatCode(() -> rules.checkResult("CONFORMING")).doesNotThrowAnyException();
    assertThatCode(() -> rules.checkResult("NON_CONFORMING")).doesNotThrowAnyException();
    for (Object other : new Object[] {"NONCONFORMING", "conforming", "", null, Boolean.TRUE}) {
      assertThatThrownBy(() -> rules.checkResult(other)).isInstanceOf(FormRuleViolation.class)
          .hasMessage("調査結果は「適合」か「不適合」のどちらかを選んでください。");
    }
  }

  @Test
  void aReportBeforeTheScheduledDayIsRefused() {
    assertThatThrownBy(() -> rules.checkReportDate(DAY, DAY.minusDays(1)))
        .isInstanceOf(FormRuleViolation.class)
        .hasMessage("実地調査の予定日（2026年12月10日）より前には、調査結果を報告できません。調査を行った後に報告してください。");
  }

  @Test
  void aReportOnOrAfterTheScheduledDayPasses() {
    assertThatCode(() -> rules.checkReportDate(DAY, DAY)).doesNotThrowAnyException();
    assertThatCode(() -> rules.checkReportDate(DAY, DAY.plusDays(3))).doesNotThrowAnyException();
  }

  @Test
  void theScheduledDayIsReadAsTheFormStoredIt() {
    assertThat(InspectionReportRules.scheduledDay("2026-12-10")).isEqualTo(DAY);
    assertThat(InspectionReportRules.scheduledDay("2026/12/10")).isEqualTo(DAY);
    assertThat(InspectionReportRules.scheduledDay("2026-12-10T00:00:00+09:00")).isEqualTo(DAY);
    assertThat(InspectionReportRules.scheduledDay(DAY)).isEqualTo(DAY);
    // Midnight in Tokyo is the previous day in UTC: the day is Japan's.
    assertThat(InspectionReportRules.scheduledDay(
        Date.from(ZonedDateTime.of(2026, 12, 10, 0, 0, 0, 0, BusinessCalendar.ZONE).toInstant()))).isEqualTo(DAY);
    assertThatThrownBy(() -> InspectionReportRules.scheduledDay("来週")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InspectionReportRules.scheduledDay(null)).isInstanceOf(IllegalStateException.class);
  }
}
