package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 第12条第1項 (window from 60 to 30 days before the last day), 第12条第2項, 第10条第6項: which notices still hold. */
class RenewalNoticeRuleTest {

  private static final LocalDate LAST_DAY = LocalDate.of(2028, 11, 30);  // window 2028-10-01 .. 2028-10-31
  private final RenewalNoticeRule rule = new RenewalNoticeRule();

  @Test
  void theReminderOnlyBeforeTheWindowOpens() {
    assertThat(rule.due(ProviderNotice.RENEWAL_REMINDER, LAST_DAY, LocalDate.of(2028, 9, 30), false)).isTrue();
    assertThat(rule.due(ProviderNotice.RENEWAL_REMINDER, LAST_DAY, LocalDate.of(2028, 10, 1), false)).isFalse();
  }

  @Test
  void theWindowOpenNoticeUntilTheWindowCloses() {
    assertThat(rule.due(ProviderNotice.RENEWAL_WINDOW_OPEN, LAST_DAY, LocalDate.of(2028, 10, 31), false)).isTrue();
    assertThat(rule.due(ProviderNotice.RENEWAL_WINDOW_OPEN, LAST_DAY, LocalDate.of(2028, 11, 1), false)).isFalse();
  }

  @Test
  void theWindowClosedWarningUntilTheLastDayAndNotWhenARenewalWasFiled() {
    assertThat(rule.due(ProviderNotice.RENEWAL_WINDOW_CLOSED, LAST_DAY, LAST_DAY, false)).isTrue();
    assertThat(rule.due(ProviderNotice.RENEWAL_WINDOW_CLOSED, LAST_DAY, LAST_DAY.plusDays(1), false)).isFalse();
    assertThat(rule.due(ProviderNotice.RENEWAL_WINDOW_CLOSED, LAST_DAY, LocalDate.of(2028, 11, 1), true)).isFalse();
  }

  @Test
  void otherNoticesAreAlwaysDue() {
    assertThat(rule.due(ProviderNotice.EXPIRED, LAST_DAY, LAST_DAY.plusYears(1), true)).isTrue();
  }
}
