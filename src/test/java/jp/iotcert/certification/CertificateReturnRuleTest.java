package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import org.junit.jupiter.api.Test;

/** 第10条第8項, 第13条第3項, 第9条第2項: which ends of a certification ask for the certificate back. */
class CertificateReturnRuleTest {

  private final CertificateReturnRule rule = new CertificateReturnRule();

  @Test
  void aRevocationAndATerminationAskForTheCertificateBack() {
    assertThat(rule.required(CertificationStatus.REVOKED)).isTrue();
    assertThat(rule.required(CertificationStatus.TERMINATED)).isTrue();
  }

  @Test
  void aLapseAndTheEndOfValidityDoNot() {
    assertThat(rule.required(CertificationStatus.LAPSED)).isFalse();
    assertThat(rule.required(CertificationStatus.EXPIRED)).isFalse();
  }

  @Test
  void aCertificationInForceOwesNothing() {
    assertThat(rule.required(CertificationStatus.VALID)).isFalse();
    assertThat(rule.required(CertificationStatus.RENEWAL_UNDER_REVIEW)).isFalse();
  }

  @Test
  void theReturnIsDueWhenTheFirstReminderGoesOut() {
    LocalDateTime created = LocalDateTime.of(2027, 6, 30, 0, 0, 1);
    assertThat(rule.dueAt("R6/P14D", created.atZone(BusinessCalendar.ZONE).toInstant()))
        .isEqualTo(Date.from(created.plusDays(14).atZone(BusinessCalendar.ZONE).toInstant()));
    assertThat(rule.dueAt("R/PT12H", created.atZone(BusinessCalendar.ZONE).toInstant()))
        .isEqualTo(Date.from(created.plusHours(12).atZone(BusinessCalendar.ZONE).toInstant()));
    assertThatThrownBy(() -> rule.dueAt("P14D", created.atZone(BusinessCalendar.ZONE).toInstant()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("certificate-return-reminders");
    assertThatThrownBy(() -> rule.dueAt("R6/P14X", created.atZone(BusinessCalendar.ZONE).toInstant()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("certificate-return-reminders");
  }

  @Test
  void theDayOfReceiptIsAReadableDayUpToToday() {
    LocalDate today = LocalDate.of(2027, 7, 15);
    assertThat(rule.returnedOn("2027-07-15", today)).isEqualTo(today);
    assertThat(rule.returnedOn("2027-07-01T00:00:00+09:00", today)).isEqualTo(LocalDate.of(2027, 7, 1));
    assertThatThrownBy(() -> rule.returnedOn("2027/13/45", today)).isInstanceOf(FormRuleViolation.class)
        .hasMessage(DateRules.UNREADABLE);
    assertThatThrownBy(() -> rule.returnedOn("2027-07-16", today)).isInstanceOf(FormRuleViolation.class)
        .hasMessage("認定証を受領した日に未来の日付は指定できません。");
    assertThatThrownBy(() -> rule.returnedOn(" ", today)).isInstanceOf(FormRuleViolation.class)
        .hasMessage("認定証を受領した日を入力してください。");
  }
}
