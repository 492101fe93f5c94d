package jp.iotcert.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationRepository;
import jp.iotcert.application.ApplicationStatus;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.registry.Registry;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Notifications to a running certification (第13条, 第9条2, 第14条) through the `certification` process. */
class NotificationProcessTest extends ProcessTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired CertificationRegister register;
  @Autowired CertificationNotifications notifications;
  @Autowired ApplicationRepository applications;
  @Autowired Registry registry;
  @Autowired jp.iotcert.registry.RegistryPageController registryPages;
  @Autowired TransactionTemplate transactions;

  @Test
  void aMergerLapsesTheCertificationAsOfItsDay() {
    String no = certified(P2, "合併サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2027, 3, 10));
    send(no, "MERGER", LocalDate.of(2027, 3, 1), null, List.of(), false);
    runDueJobs(no);
    assertThat(pi).isEnded().hasPassed("Task_ClassifyNotification", "Task_RecordLapse", "End_Lapsed",
        "Start_CertificationEnded", "Task_DecideCertificateReturn", "End_CertificationEnded");
    Certification lapsed = register.find(no).orElseThrow();
    assertThat(lapsed.status()).isEqualTo(CertificationStatus.LAPSED);
    assertThat(lapsed.endedOn()).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(registry.find(no).orElseThrow().status()).isEqualTo("LAPSED");
    assertThat(kinds(no)).contains("LAPSED");
    assertThat(jp.iotcert.support.RegistryFeedTitles.of(registryPages, no)).contains(no + " 合併サービス：失効（第9条第2項）");
    assertThatThrownBy(() -> send(no, "TERMINATION", LocalDate.of(2027, 3, 20), null, List.of(), false))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void staffRecordALapseTheyFoundWithItsBasis() {
    String no = certified(P2, "相続サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 4, 1));
    transactions.executeWithoutResult(s -> notifications.receive(register.find(no).orElseThrow(),
        new CertificationNotifications.Request("INHERITANCE", LocalDate.of(2027, 3, 15), "登記簿で確認", null, null,
            "2027-03-20 登記事項証明書を確認"), "staff1", true));
    runDueJobs(no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.LAPSED);
    assertThat(register.events(no)).anySatisfy(e -> assertThat(e.detail()).contains("登記事項証明書を確認"));
  }

  @Test
  void aSplitThatKeepsTheBusinessGoesToStaffAndAnEmergencyOpensItsCase() {
    String no = certified(P2, "分割サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2027, 5, 1));
    send(no, "SPLIT", LocalDate.of(2027, 4, 28), false, List.of(), false);
    send(no, "EMERGENCY", LocalDate.of(2027, 4, 30), null, List.of(), false);
    runDueJobs(no);
    var tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_ReviewNotification").list();
    assertThat(tasks).hasSize(1);
    // The emergency (第14条) is followed up in its own case, linked by the certification number.
    assertThat(pi).hasPassed("Task_OpenEmergency", "End_EmergencyOpened");
    assertThat(instance(no, "emergency")).isNotNull();
    assertThat(jdbc.sql("SELECT outcome FROM certification_notification WHERE certification_number = ? AND kind = 'EMERGENCY'")
        .param(no).query(String.class).single()).isEqualTo("EMERGENCY");
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.VALID);
    assertThatThrownBy(() -> taskService.complete(tasks.get(0).getId(), Map.of()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reviewNote");
    for (var task : tasks) {
      taskService.complete(task.getId(), Map.of("reviewNote", "確認済み"));
    }
    runDueJobs(no);
    assertThat(pi).hasPassed("End_NotificationReviewed").isWaitingAt("Timer_RenewalReminder");
  }

  @Test
  void aTerminationTakesEffectOnItsDayAndTheCertificateIsChasedUntilReturned() {
    String no = certified(P2, "終了サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2027, 6, 1));
    send(no, "TERMINATION", LocalDate.of(2027, 6, 30), null, List.of(), false);
    runDueJobs(no);
    assertThat(pi).isWaitingAt("Timer_TerminationEffective", "Timer_RenewalReminder");
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.VALID);

    clockAt(LocalDate.of(2027, 6, 30).atTime(0, 0, 1));
    runDueJobs(no);
    assertThat(pi).isWaitingAt("Task_ConfirmCertificateReturn");
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.TERMINATED);
    assertThat(register.find(no).orElseThrow().endedOn()).isEqualTo(LocalDate.of(2027, 6, 30));
    assertThat(kinds(no)).contains("TERMINATED");
    assertThat(jp.iotcert.support.RegistryFeedTitles.of(registryPages, no))
        .contains(no + " 終了サービス：終了（サービスの廃止等、第13条第2項）");
    assertThat(register.certificateOutstanding(no)).isTrue();

    // Due when the first reminder goes out (R6/P14D: 14 days after the task appeared).
    assertThat(task(no, "Task_ConfirmCertificateReturn").getDueDate())
        .isEqualTo(tokyo(LocalDate.of(2027, 7, 14).atTime(0, 0, 1)));

    clockAt(LocalDate.of(2027, 7, 14).atTime(1, 0));
    runDueJobs(no);
    assertThat(kinds(no)).filteredOn("CERTIFICATE_RETURN_REMINDER"::equals).hasSize(1);
    // The day of receipt is checked with the task still open: unreadable or ahead of today (Japan) is refused.
    String confirmId = task(no, "Task_ConfirmCertificateReturn").getId();
    Map<String, String> refusals = Map.of(
        "来週の金曜日", "日付を読み取れません。2026-12-10 のように年・月・日で入力してください。",
        "2027-02-30", "日付を読み取れません。2026-12-10 のように年・月・日で入力してください。",
        "2027-07-15", "認定証を受領した日に未来の日付は指定できません。",
        "1999-12-31", "認定証を受領した日に2000-01-01 より前の日付は指定できません。");
    refusals.forEach((value, sentence) -> assertThatThrownBy(() -> taskService.complete(confirmId,
        Map.of("certificateReturnedOn", value))).as(value).isInstanceOf(ProcessEngineException.class).hasMessageContaining(sentence));
    assertThat(pi).isWaitingAt("Task_ConfirmCertificateReturn");
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).withException().count())
        .as("no failed job, no incident").isZero();
    clockAt(LocalDate.of(2027, 7, 15).atTime(9, 0));
    complete(no, "Task_ConfirmCertificateReturn", Map.of("certificateReturnedOn", "2027-07-15"));
    assertThat(pi).isEnded().hasPassed("Task_RemindCertificateReturn", "Task_RecordCertificateReturn",
        "End_CertificateReturned");
    assertThat(jdbc.sql("SELECT returned_on FROM certificate WHERE certification_number = ?").param(no)
        .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 7, 15));
    assertThat(register.certificateOutstanding(no)).isFalse();
  }

  @Test
  void acceptedChangesArePublishedWithTheirHistoryAndRejectedOnesNeedAReason() {
    String no = certified(P2, "変更サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2027, 2, 1));
    send(no, "CRITERIA_CHANGE", LocalDate.of(2027, 1, 25), null,
        List.of(new CertificationNotifications.Change("B-21", "稼働率 99.95%（2026年実績）")), false);
    runDueJobs(no);
    var review = task(no, "Task_ReviewChange");
    assertThat((String) taskService.getVariable(review.getId(), "notificationSummary")).contains("B-21").contains("第13条第1項");
    // Each changed item with the value the certification holds now and the notified one.
    assertThat((String) taskService.getVariable(review.getId(), CertificationProcess.NOTIFICATION_SUMMARY))
        .contains("| 項目 | 変更前 | 変更後 |\n|---|---|---|\n| B-21 | 開示内容\\: ")
        .contains(" | 稼働率 99\\.95%（2026年実績） |\n");
    complete(no, "Task_ReviewChange", Map.of("changeAccepted", true, "reviewNote", "確認した"));
    assertThat(registry.find(no).orElseThrow().disclosure())
        .anySatisfy(i -> assertThat(i.value()).isEqualTo("稼働率 99.95%（2026年実績）"));
    assertThat(register.events(no)).extracting(CertificationRegister.Event::event).contains("DISCLOSURE_CHANGED");
    assertThat(kinds(no)).contains("CHANGE_ACCEPTED");

    send(no, "DOCUMENT_CHANGE", LocalDate.of(2027, 1, 30), null,
        List.of(new CertificationNotifications.Change("B-04", "大阪府大阪市北区1-1")), false);
    runDueJobs(no);
    String second = task(no, "Task_ReviewChange").getId();
    assertThatThrownBy(() -> taskService.complete(second, Map.of("changeAccepted", false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("理由");
    complete(no, "Task_ReviewChange", Map.of("changeAccepted", false, "reviewNote", "登記の変更を確認できない"));
    assertThat(registry.find(no).orElseThrow().disclosure())
        .noneSatisfy(i -> assertThat(i.value()).isEqualTo("大阪府大阪市北区1-1"));
    assertThat(pi).hasPassed("End_ChangeReviewed").isWaitingAt("Timer_RenewalReminder");
  }

  @Test
  void twoNotificationsInProgressKeepTheirOwnData() {
    String no = certified(P2, "並行届出サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 2, 1));
    send(no, "CRITERIA_CHANGE", LocalDate.of(2027, 1, 20), null,
        List.of(new CertificationNotifications.Change("B-21", "最初の変更")), false);
    send(no, "CRITERIA_CHANGE", LocalDate.of(2027, 1, 21), null,
        List.of(new CertificationNotifications.Change("B-22", "二つ目の変更")), false);
    send(no, "TERMINATION", LocalDate.of(2027, 3, 31), null, List.of(), false);
    runDueJobs(no);
    var reviews = taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewChange")
        .orderByTaskCreateTime().asc().list();
    assertThat(reviews).hasSize(2);
    assertThat((String) taskService.getVariable(reviews.get(0).getId(), "notificationSummary")).contains("最初の変更");
    assertThat((String) taskService.getVariable(reviews.get(1).getId(), "notificationSummary")).contains("二つ目の変更");
    taskService.complete(reviews.get(0).getId(), Map.of("changeAccepted", true, "reviewNote", ""));
    assertThat(registry.find(no).orElseThrow().disclosure())
        .anySatisfy(i -> assertThat(i.value()).isEqualTo("最初の変更"))
        .noneSatisfy(i -> assertThat(i.value()).isEqualTo("二つ目の変更"));
    // The termination waits for its own day, untouched by the changes.
    clockAt(LocalDate.of(2027, 3, 31).atTime(0, 0, 1));
    runDueJobs(no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.TERMINATED);
    assertThat(register.find(no).orElseThrow().endedOn()).isEqualTo(LocalDate.of(2027, 3, 31));
  }

  @Test
  void aLapseClosesARenewalUnderReviewAndChangesOfItemB01MoveTheDisclosureDate() {
    String no = certified(P2, "更新中失効サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 1, 10));
    send(no, "CRITERIA_CHANGE", LocalDate.of(2027, 1, 5), null,
        List.of(new CertificationNotifications.Change("B-01", "2027-01-05")), false);
    runDueJobs(no);
    complete(no, "Task_ReviewChange", Map.of("changeAccepted", true, "reviewNote", ""));
    assertThat(registry.find(no).orElseThrow().disclosureDate()).isEqualTo(LocalDate.of(2027, 1, 5));

    clockAt(LocalDate.of(2028, 10, 10));
    String renewal = applicationService.submit(TestApplications.renewal(P2, "更新中失効サービス", no,
        TestApplications.fullDisclosure(catalogue)), List.of(), List.of()).applicationNumber();
    send(no, "MERGER", LocalDate.of(2028, 10, 10), null, List.of(), false);
    runDueJobs(no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.LAPSED);
    assertThat(register.find(no).orElseThrow().renewalApplicationNumber()).isNull();
    assertThat(applications.get(renewal).status()).isEqualTo(ApplicationStatus.CLOSED);
    assertThat(applications.get(renewal).closedReason()).isEqualTo("CERTIFICATION_ENDED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(renewal).count()).isZero();
  }

  @Test
  void aTerminationDatedAfterTheEndOfValidityChasesNoCertificate() {
    String no = certified(P2, "満了後終了サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2028, 11, 20));
    send(no, "TERMINATION", LocalDate.of(2028, 12, 15), null, List.of(), false);
    clockAt(LocalDate.of(2028, 12, 15).atTime(0, 0, 1));
    runDueJobs(no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.EXPIRED);
    assertThat(instance(no, CertificationProcess.KEY)).isNull();
    assertThat(kinds(no)).doesNotContain("TERMINATED", "CERTIFICATE_RETURN_REMINDER");
  }

  @Test
  void aLapseOfACertificationThatEndedMeanwhileIsRecordedAsMootAndShownInTheModel() {
    String no = certified(P2, "終了済み失効サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2027, 3, 10));
    send(no, "MERGER", LocalDate.of(2027, 3, 1), null, List.of(), false);
    // Ended by another path before the lapse is registered (a race the model must show, not hide).
    register.end(no, CertificationStatus.EXPIRED, LocalDate.of(2027, 3, 5));
    runDueJobs(no);
    assertThat(pi).hasPassed("Task_RecordLapse", "Event_LapseNotInForce", "End_LapseNotRecorded")
        .hasNotPassed("End_Lapsed");
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.EXPIRED);
    assertThat(jdbc.sql("SELECT outcome FROM certification_notification WHERE certification_number = ?").param(no)
        .query(String.class).single()).isEqualTo("MOOT");
    assertThat(kinds(no)).doesNotContain("LAPSED");
  }

  @Test
  void aTerminationOfACertificationThatEndedMeanwhileIsRecordedAsMootAndShownInTheModel() {
    String no = certified(P2, "終了済み終了サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2027, 6, 1));
    send(no, "TERMINATION", LocalDate.of(2027, 6, 30), null, List.of(), false);
    runDueJobs(no);
    register.end(no, CertificationStatus.LAPSED, LocalDate.of(2027, 6, 10));
    clockAt(LocalDate.of(2027, 6, 30).atTime(0, 0, 1));
    runDueJobs(no);
    assertThat(pi).hasPassed("Task_RecordTermination", "Event_TerminationNotInForce", "End_TerminationNotRecorded")
        .hasNotPassed("End_Terminated", "Task_ConfirmCertificateReturn");
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.LAPSED);
    assertThat(kinds(no)).doesNotContain("TERMINATED", "CERTIFICATE_RETURN_REMINDER");
  }

  @Test
  void notificationsAreChecked() {
    String no = certified(P2, "検証サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 2, 1));
    assertThatThrownBy(() -> send(no, "SPLIT", LocalDate.of(2027, 1, 1), null, List.of(), false))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1件");
    assertThatThrownBy(() -> send(no, "CRITERIA_CHANGE", LocalDate.of(2027, 1, 1), null, List.of(), false))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> send(no, "MERGER", LocalDate.of(2027, 3, 1), null, List.of(), false))
        .isInstanceOf(InvalidInputException.class); // in the future
    assertThatThrownBy(() -> send(no, "EMERGENCY", LocalDate.of(2027, 1, 1), null, List.of(), true))
        .isInstanceOf(InvalidInputException.class); // staff record lapses only, with a basis
  }

  private void send(String no, String kind, LocalDate occurredOn, Boolean passes,
      List<CertificationNotifications.Change> changes, boolean byStaff) {
    transactions.executeWithoutResult(s -> notifications.receive(register.find(no).orElseThrow(),
        new CertificationNotifications.Request(kind, occurredOn, kind + " の届出", changes.isEmpty() ? null : changes,
            passes, null), "provider2", byStaff));
  }


  private List<String> kinds(String no) {
    return jdbc.sql("SELECT kind FROM notice WHERE certification_number = ? ORDER BY sent_at").param(no).query(String.class).list();
  }
}
