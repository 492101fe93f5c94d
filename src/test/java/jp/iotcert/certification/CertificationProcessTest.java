package jp.iotcert.certification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import jp.iotcert.application.ApplicationRepository;
import jp.iotcert.application.ApplicationStatus;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The `certification` process over two lives (第9条–第12条): reminder, renewal window, a renewal filed
 * on the last allowed day, validity passing while under review, the renewal certified, and then
 * expiry without renewal; also a renewal refused after the end and one certified within validity.
 */
class CertificationProcessTest extends ProcessTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired CertificationRegister register;
  @Autowired ApplicationRepository applications;
  @Autowired jp.iotcert.registry.RegistryPageController registryPages;

  @Test
  void twoLivesRenewedUnderReviewThenExpired() {
    String no = certified(P2, "二つの人生サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    assertThat(pi).isWaitingAt("Timer_RenewalReminder");
    assertThat(dueDate(pi, "Timer_RenewalReminder")).isEqualTo(BusinessCalendar.startOf(LocalDate.of(2028, 7, 30)));

    at(LocalDate.of(2028, 7, 30).atTime(0, 0, 1), no);
    assertThat(pi).hasPassed("Task_SendRenewalReminder").isWaitingAt("Timer_RenewalWindowOpens");
    assertThat(noticeKinds(no)).contains("RENEWAL_REMINDER");
    assertThat(dueDate(pi, "Timer_RenewalWindowOpens")).isEqualTo(BusinessCalendar.startOf(LocalDate.of(2028, 10, 1)));

    at(LocalDate.of(2028, 10, 1).atTime(0, 0, 1), no);
    assertThat(pi).isWaitingAt("Timer_RenewalWindowCloses");
    assertThat(noticeKinds(no)).contains("RENEWAL_WINDOW_OPEN");

    // Renewal on the last allowed day of the window.
    clockAt(LocalDate.of(2028, 10, 31).atTime(17, 0));
    String renewal = applyForRenewal(no, "二つの人生サービス");
    assertThat(register.find(no).orElseThrow().renewalApplicationNumber()).isEqualTo(renewal);
    assertThat(jdbc.sql("SELECT mark_use_json FROM application WHERE application_number = ?").param(renewal)
        .query(String.class).single()).contains("\"compliant\":true");
    at(LocalDate.of(2028, 11, 1).atTime(0, 0, 1), no);
    assertThat(pi).isWaitingAt("Timer_ValidityEnds");
    assertThat(noticeKinds(no)).doesNotContain("RENEWAL_WINDOW_CLOSED");
    // The model asked: a renewal is pending, so the warning is not due (Cockpit shows the いいえ flow).
    assertThat(pi).hasPassed("Gateway_WindowClosedNoticeDue", "Gateway_MergeAfterWindowClosed")
        .hasNotPassed("Task_NotifyRenewalWindowClosed");

    // The last day passes while the renewal is under review: the certification stays in force (第12条2).
    at(LocalDate.of(2028, 12, 1).atTime(0, 0, 1), no);
    assertThat(pi).isWaitingAt("Gateway_AwaitRenewalDecision");
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.RENEWAL_UNDER_REVIEW);

    clockAt(LocalDate.of(2028, 12, 5));
    reviewAndDecide(renewal, "CERTIFY");
    runDueJobs(no);
    Certification renewed = register.find(no).orElseThrow();
    assertThat(renewed.status()).isEqualTo(CertificationStatus.VALID);
    assertThat(renewed.certificationNumber()).isEqualTo(no);
    assertThat(renewed.certifiedOn()).isEqualTo(LocalDate.of(2028, 12, 5));
    assertThat(renewed.firstCertifiedOn()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(renewed.validUntil()).isEqualTo(LocalDate.of(2030, 12, 4));
    assertThat(renewed.renewalApplicationNumber()).isNull();
    assertThat(register.certificateCount(no)).isEqualTo(2);
    assertThat(applications.get(renewal).status()).isEqualTo(ApplicationStatus.CERTIFIED);
    assertThat(pi).hasPassed("Event_RenewalCertifiedAfterEnd").isWaitingAt("Timer_RenewalReminder");
    assertThat(dueDate(pi, "Timer_RenewalReminder")).isEqualTo(BusinessCalendar.startOf(LocalDate.of(2030, 8, 4)));

    // Second life: no renewal this time.
    at(LocalDate.of(2030, 8, 4).atTime(1, 0), no);
    at(LocalDate.of(2030, 10, 5).atTime(1, 0), no);
    at(LocalDate.of(2030, 11, 5).atTime(0, 0, 1), no);
    assertThat(noticeKinds(no)).contains("RENEWAL_WINDOW_CLOSED");
    at(LocalDate.of(2030, 12, 4).atTime(23, 59, 59), no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.VALID);
    at(LocalDate.of(2030, 12, 5).atTime(0, 0, 1), no);
    assertThat(pi).isEnded().hasPassed("Task_ExpireCertification", "End_Expired");
    Certification expired = register.find(no).orElseThrow();
    assertThat(expired.status()).isEqualTo(CertificationStatus.EXPIRED);
    assertThat(expired.endedOn()).isEqualTo(LocalDate.of(2030, 12, 5));
    assertThat(noticeBody(no, "EXPIRED")).contains("第10条第6項");
    assertThat(register.events(no)).extracting(CertificationRegister.Event::event)
        .containsExactly("CERTIFIED", "RENEWAL_UNDER_REVIEW", "RENEWED", "EXPIRED");
    // The public feed has each of them, newest first, and calls the certification expired (第11条3).
    assertThat(jp.iotcert.support.RegistryFeedTitles.of(registryPages, no)).containsSubsequence(
        no + " 二つの人生サービス：有効期間満了",
        no + " 二つの人生サービス：更新の認定",
        no + " 二つの人生サービス：有効期間の満了後、更新審査中のため引き続き有効（第12条第2項）",
        no + " 二つの人生サービス：認定");
  }

  @Test
  void aRenewalRefusedAfterTheLastDayEndsTheCertificationAtOnce() {
    String no = certified(P2, "更新不認定サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2028, 10, 15));
    String renewal = applyForRenewal(no, "更新不認定サービス");
    at(LocalDate.of(2028, 12, 1).atTime(0, 0, 1), no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.RENEWAL_UNDER_REVIEW);

    clockAt(LocalDate.of(2028, 12, 10));
    reviewAndDecide(renewal, "REFUSE");
    runDueJobs(no);
    assertThat(instance(no, CertificationProcess.KEY)).isNull();
    Certification ended = register.find(no).orElseThrow();
    assertThat(ended.status()).isEqualTo(CertificationStatus.EXPIRED);
    assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2028, 12, 10));
    assertThat(noticeKinds(no)).contains("RENEWAL_REFUSED_ENDED");
  }

  @Test
  void aRenewalCertifiedWithinValidityStartsTheNewValidityAtOnce() {
    String no = certified(P2, "期間内更新サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2028, 10, 1));
    String renewal = applyForRenewal(no, "期間内更新サービス");
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2028, 10, 20));
    reviewAndDecide(renewal, "CERTIFY");
    runDueJobs(no);
    assertThat(pi).hasPassed("Event_RenewalCertified").isWaitingAt("Timer_RenewalReminder");
    assertThat(register.find(no).orElseThrow().validUntil()).isEqualTo(LocalDate.of(2030, 10, 19));
    assertThat(dueDate(pi, "Timer_ValidityEnds")).isNull(); // inside the sub-process, not armed until reached
  }

  @Test
  void aRenewalRefusedWithinValidityLeavesTheCertificationToItsEnd() {
    String no = certified(P2, "期間内不認定サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2028, 10, 2));
    String renewal = applyForRenewal(no, "期間内不認定サービス");
    clockAt(LocalDate.of(2028, 10, 20));
    reviewAndDecide(renewal, "REFUSE");
    assertThat(register.find(no).orElseThrow().renewalApplicationNumber()).isNull();
    at(LocalDate.of(2028, 12, 1).atTime(0, 0, 1), no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.EXPIRED);
    assertThat(register.find(no).orElseThrow().endedOn()).isEqualTo(LocalDate.of(2028, 12, 1));
  }


  /** The renewal is filed and paid at once, found complete; it then waits for its review. */
  private String applyForRenewal(String certificationNumber, String serviceName) {
    String renewal = applicationService.submit(TestApplications.renewal(P2, serviceName, certificationNumber,
        TestApplications.fullDisclosure(catalogue)), List.of(), List.of()).applicationNumber();
    passCompletenessAndFee(renewal, LocalDate.ofInstant(ClockUtil.getCurrentTime()
        .toInstant(), BusinessCalendar.ZONE));
    return renewal;
  }

  @Test
  void aTimerFiringLateSendsOnlyTheNewsThatStillHoldAndTheModelShowsTheSkippedOne() {
    String no = certified(P2, "遅延タイマーサービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    // A downtime: the reminder (due 2028-07-30) fires only once the window (2028-10-01..31) is open.
    at(LocalDate.of(2028, 10, 5).atTime(9, 0), no);
    assertThat(pi).hasPassed("Gateway_ReminderDue", "Gateway_MergeAfterReminder", "Task_NotifyRenewalWindowOpen")
        .hasNotPassed("Task_SendRenewalReminder").isWaitingAt("Timer_RenewalWindowCloses");
    assertThat(noticeKinds(no)).contains("RENEWAL_WINDOW_OPEN").doesNotContain("RENEWAL_REMINDER");
  }

  private void at(LocalDateTime tokyoTime, String certificationNumber) {
    clockAt(tokyoTime);
    runDueJobs(certificationNumber);
  }

  private Date dueDate(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    return job == null ? null : job.getDuedate();
  }

  private List<String> noticeKinds(String certificationNumber) {
    return jdbc.sql("SELECT kind FROM notice WHERE certification_number = ? ORDER BY sent_at").param(certificationNumber)
        .query(String.class).list();
  }

  private String noticeBody(String certificationNumber, String kind) {
    return jdbc.sql("SELECT body FROM notice WHERE certification_number = ? AND kind = ?").params(certificationNumber, kind)
        .query(String.class).single();
  }
}
