package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.CertificationNotifications;
import jp.iotcert.certification.CertificationLifecycle;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** `emergency` (第14条): promptness recorded, progress reports, reminder then staff, closing, investigation. */
class EmergencyProcessTest extends ProcessTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired Emergencies emergencies;
  @Autowired Investigations investigations;
  @Autowired CertificationNotifications notifications;
  @Autowired CertificationRegister register;
  @Autowired CertificationLifecycle lifecycle;
  @Autowired TransactionTemplate transactions;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @Test
  void aNotifiedEmergencyIsFollowedByReportsUntilStaffCloseIt() {
    String no = certified(P2, "障害発生サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 2));
    transactions.executeWithoutResult(s -> notifications.receive(register.find(no).orElseThrow(),
        new CertificationNotifications.Request("EMERGENCY", LocalDate.of(2027, 3, 1), "全国的な接続障害が発生", null, null, null),
        "provider2", false));
    Emergencies.Emergency e = emergencies.of(no).get(0);
    assertThat(e.source()).isEqualTo(Emergencies.Source.PROVIDER);
    assertThat(e.notificationId()).isNotNull();
    assertThat(emergencies.forNotification(e.notificationId())).isPresent();
    assertThat(register.events(no)).anySatisfy(ev -> assertThat(ev.event()).isEqualTo("EMERGENCY_OPENED"));
    assertThat(latestNotice(no, "EMERGENCY_RECEIVED")).contains(e.id()).contains("7日ごと")
        // where the provider reports: its certification's page in the portal, not an API call
        .contains("/portal/certifications/" + no.replace(" ", "%20")).doesNotContain("/api/");
    ProcessInstance pi = instance(no, EmergencyProcess.KEY);
    assertThat(pi).isWaitingAt("Task_AssessEmergency");
    assertThat((Boolean) runtimeService.getVariable(pi.getId(), "notifiedPromptly")).isTrue();
    // The assessment of promptness shows when the notice arrived, in Japan time.
    assertThat((String) runtimeService.getVariable(pi.getId(), EmergencyProcess.EMERGENCY_SUMMARY))
        .contains("**発生日** 2027-03-01\n\n**通知の受領** 2027年3月2日 10時00分（日本時間）（発生日から1日後）\n\n");
    // Each task is due one report interval (P7D) after it appears.
    assertThat(task(no, "Task_AssessEmergency").getDueDate()).isEqualTo(tokyo(LocalDate.of(2027, 3, 9).atTime(10, 0)));

    assertThatThrownBy(() -> taskService.complete(task(no, "Task_AssessEmergency").getId(), Map.of("notifiedPromptly", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("所見");
    complete(no, "Task_AssessEmergency", Map.of("notifiedPromptly", true, "staffNote", "発生翌日に通知あり"));
    assertThat(emergencies.get(e.id()).notifiedPromptly()).isTrue();
    assertThat(pi).isWaitingAt("Gateway_AwaitReport");

    report(no, e.id(), "復旧作業中。原因はルータの設定誤り");
    assertThat(pi).isWaitingAt("Task_ReviewEmergencyReport");
    assertThat((String) runtimeService.getVariable(pi.getId(), "latestReport")).contains("ルータ");
    // A report while staff are reviewing is kept with the case, not lost.
    report(no, e.id(), "9割復旧");
    assertThat(emergencies.reports(e.id())).hasSize(2);
    assertThatThrownBy(() -> taskService.complete(task(no, "Task_ReviewEmergencyReport").getId(), Map.of()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("CONTINUE");
    assertThatThrownBy(() -> taskService.complete(task(no, "Task_ReviewEmergencyReport").getId(),
        Map.of("emergencyAction", "CLOSE", "closingSummary", "復旧")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("新しい経過報告が届いています");
    complete(no, "Task_ReviewEmergencyReport", Map.of("emergencyAction", "CONTINUE"));
    // The report that came in meanwhile is reviewed next, not left to the reminder.
    assertThat(pi).isWaitingAt("Task_ReviewEmergencyReport");
    assertThat((String) runtimeService.getVariable(pi.getId(), "latestReport")).isEqualTo("9割復旧");
    complete(no, "Task_ReviewEmergencyReport", Map.of("emergencyAction", "CONTINUE"));
    assertThat(pi).isWaitingAt("Gateway_AwaitReport");

    // No report for seven days: a reminder; seven more: staff decide.
    clockAt(LocalDate.of(2027, 3, 10));
    runDueJobs(no);
    assertThat(pi).hasPassed("Task_RemindEmergencyReport").isWaitingAt("Gateway_AwaitReport");
    assertThat(latestNotice(no, "EMERGENCY_REPORT_REMINDER")).contains(e.id());
    clockAt(LocalDate.of(2027, 3, 18));
    runDueJobs(no);
    assertThat(pi).isWaitingAt("Task_FollowUpOverdueReport");
    assertThat(task(no, "Task_FollowUpOverdueReport").getDueDate()).isEqualTo(tokyo(LocalDate.of(2027, 3, 25).atTime(10, 0)));
    assertThatThrownBy(() -> taskService.complete(task(no, "Task_FollowUpOverdueReport").getId(), Map.of(
        "emergencyAction", "CLOSE", "closingSummary", "復旧を確認", "openInvestigation", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("説明・資料");
    assertThatThrownBy(() -> taskService.complete(task(no, "Task_FollowUpOverdueReport").getId(), Map.of(
        "emergencyAction", "CLOSE", "closingSummary", "復旧を確認", "openInvestigation", true,
        "investigationRequest", "再発防止策", "investigationDeadline", "2027-03-18")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("提出期限");
    complete(no, "Task_FollowUpOverdueReport", Map.of("emergencyAction", "CLOSE",
        "closingSummary", "復旧を確認。報告の遅れについて調査する", "openInvestigation", true,
        "investigationRequest", "再発防止策と経過報告が遅れた理由", "investigationDeadline", "2027-04-15"));
    assertThat(pi).isEnded().hasPassed("Task_CloseEmergency", "Task_OpenInvestigation", "End_InvestigationOpened");
    Emergencies.Emergency closed = emergencies.get(e.id());
    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2027, 3, 18));
    assertThat(latestNotice(no, "EMERGENCY_CLOSED")).contains("復旧を確認");
    assertThat(register.events(no)).extracting(CertificationRegister.Event::event)
        .contains("EMERGENCY_OPENED", "EMERGENCY_CLOSED", "INVESTIGATION_OPENED");
    Investigations.Investigation inv = investigations.get(closed.investigationId());
    assertThat(inv.emergencyId()).isEqualTo(e.id());
    assertThat(inv.deadline()).isEqualTo(LocalDate.of(2027, 4, 15));
    assertThat(instance(no, InvestigationProcess.KEY)).isNotNull();
    assertThatThrownBy(() -> report(no, e.id(), "追加報告")).isInstanceOf(ConflictException.class);
  }

  @Test
  void anEmergencyFoundByStaffIsRecordedAsNotNotifiedAndMayCloseWithoutInvestigation() {
    String no = certified(P2, "未通知障害サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 5));
    String id = transactions.execute(s -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 3, 1), "報道で情報漏えいを把握"), "staff1"));
    ProcessInstance pi = instance(no, EmergencyProcess.KEY);
    assertThat((Boolean) runtimeService.getVariable(pi.getId(), "notifiedPromptly")).isFalse();
    assertThat(latestNotice(no, "EMERGENCY_RECEIVED")).contains("事業者からの通知はまだありません");
    // A report while staff assess the case goes to review right after the assessment.
    report(no, id, "初報：調査中");
    complete(no, "Task_AssessEmergency", Map.of("notifiedPromptly", false, "staffNote", "事業者から通知なし"));
    assertThat(emergencies.get(id).notifiedPromptly()).isFalse();
    assertThat(pi).isWaitingAt("Task_ReviewEmergencyReport");
    complete(no, "Task_ReviewEmergencyReport", Map.of("emergencyAction", "CONTINUE"));
    assertThat(emergencies.get(id).source()).isEqualTo(Emergencies.Source.STAFF);

    // The reminder is sent, then a report arrives and staff close the case.
    clockAt(LocalDate.of(2027, 3, 13));
    runDueJobs(no);
    assertThat(pi).hasPassed("Task_RemindEmergencyReport");
    report(no, id, "漏えい件数は120件。本人通知を完了");
    Map<String, Object> close = new HashMap<>(Map.of("emergencyAction", "CLOSE", "closingSummary", "本人通知と再発防止策を確認"));
    close.put("openInvestigation", false);
    complete(no, "Task_ReviewEmergencyReport", close);
    assertThat(pi).isEnded().hasPassed("End_EmergencyClosed").hasNotPassed("Task_OpenInvestigation");
    assertThat(emergencies.get(id).investigationId()).isNull();
  }

  @Test
  void continuingAfterTheFollowUpStartsAFreshWaitWithItsOwnReminder() {
    String no = certified(P2, "長期障害サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 5));
    String id = transactions.execute(s -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 3, 4), "大規模障害"), "staff1"));
    complete(no, "Task_AssessEmergency", Map.of("notifiedPromptly", true, "staffNote", "電話で通知あり"));
    clockAt(LocalDate.of(2027, 3, 13));
    runDueJobs(no);
    clockAt(LocalDate.of(2027, 3, 21));
    runDueJobs(no);
    complete(no, "Task_FollowUpOverdueReport", Map.of("emergencyAction", "CONTINUE"));
    clockAt(LocalDate.of(2027, 3, 29));
    runDueJobs(no);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE certification_number = ? AND kind = 'EMERGENCY_REPORT_REMINDER'")
        .param(no).query(Integer.class).single()).isEqualTo(2);
    assertThat(instance(no, EmergencyProcess.KEY)).isWaitingAt("Gateway_AwaitReport");
    assertThat(emergencies.get(id).status()).isEqualTo("OPEN");
  }

  @Test
  void closingWithAnInvestigationForACertificationEndedMeanwhileOpensNone() {
    String no = certified(P2, "緊急中終了サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 5));
    String id = transactions.execute(s -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 3, 4), "障害"), "staff1"));
    ProcessInstance pi = instance(no, EmergencyProcess.KEY);
    complete(no, "Task_AssessEmergency", Map.of("notifiedPromptly", false, "staffNote", "通知なし"));
    report(no, id, "復旧しました");
    transactions.executeWithoutResult(s -> lifecycle.expire(no));
    complete(no, "Task_ReviewEmergencyReport", Map.of("emergencyAction", "CLOSE", "closingSummary", "復旧を確認",
        "openInvestigation", true, "investigationRequest", "再発防止策", "investigationDeadline", "2027-04-15"));
    assertThat(pi).isEnded()
        .hasPassed("Task_CloseEmergency", "Task_NotifyEmergencyClosed", "Task_CheckCertificationInForce",
            "End_CertificationEnded")
        .hasNotPassed("Task_OpenInvestigation");
    assertThat(emergencies.get(id).status()).isEqualTo("CLOSED");
    assertThat(emergencies.get(id).investigationId()).isNull();
    assertThat(latestNotice(no, "EMERGENCY_CLOSED")).contains("復旧を確認");
    assertThat(instance(no, InvestigationProcess.KEY)).isNull();
  }

  @Test
  void reportsArrivingWhileStaffWorkAreCheckedByTheProcessItself() {
    String no = certified(P2, "複数報告サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 5));
    String id = transactions.execute(s -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 3, 4), "障害"), "staff1"));
    ProcessInstance pi = instance(no, EmergencyProcess.KEY);
    // Two reports while staff assess: nothing outside the process touches its variables.
    report(no, id, "第1報");
    report(no, id, "第2報");
    assertThat(runtimeService.getVariable(pi.getId(), EmergencyProcess.REPORT_PENDING)).isEqualTo(false);
    assertThat(runtimeService.getVariable(pi.getId(), EmergencyProcess.LATEST_REPORT)).isNull();
    complete(no, "Task_AssessEmergency", Map.of("notifiedPromptly", true, "staffNote", "通知あり"));
    assertThat(pi).hasPassed("Task_CheckPendingReports").isWaitingAt("Task_ReviewEmergencyReport");
    assertThat((String) runtimeService.getVariable(pi.getId(), EmergencyProcess.LATEST_REPORT))
        .isEqualTo("第1報\n\n---\n\n第2報");
    assertThat(runtimeService.getVariable(pi.getId(), EmergencyProcess.REPORT_COUNT)).isEqualTo(2);
    complete(no, "Task_ReviewEmergencyReport", Map.of("emergencyAction", "CONTINUE"));
    assertThat(pi).isWaitingAt("Gateway_AwaitReport");
    assertThat(runtimeService.getVariable(pi.getId(), EmergencyProcess.REPORT_PENDING)).isEqualTo(false);
    // Waiting: the next report is correlated and only that one is shown.
    report(no, id, "第3報");
    assertThat(pi).isWaitingAt("Task_ReviewEmergencyReport");
    assertThat((String) runtimeService.getVariable(pi.getId(), EmergencyProcess.LATEST_REPORT)).isEqualTo("第3報");
    assertThat(runtimeService.getVariable(pi.getId(), EmergencyProcess.REPORT_COUNT)).isEqualTo(3);
  }

  @Test
  void badInputIsRefusedAndNothingIsRecorded() {
    String no = certified(P2, "緊急入力検査サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 5));
    assertThatThrownBy(() -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 3, 6), " "), "staff1"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(ex -> assertThat(((InvalidInputException) ex).errors()).hasSize(2));
    assertThat(emergencies.of(no)).isEmpty();
    assertThat(instance(no, EmergencyProcess.KEY)).isNull();
    String id = transactions.execute(s -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 3, 4), "障害"), "staff1"));
    assertThatThrownBy(() -> report(no, id, "")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> report("IOT-OTHER", id, "報告")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> report(no, "no-such-id", "報告")).isInstanceOf(NotFoundException.class);
    assertThat(emergencies.reports(id)).isEmpty();
  }

  @Test
  void staffRecordAnEmergencyTheyFoundFromTasklistsStartForm() {
    String no = certified(P2, "Tasklist緊急サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 5));
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(EmergencyProcess.KEY)
        .latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of("certificationNumber", no, "occurredOn", "2027-03-04",
        "description", "利用者からの連絡で障害を把握"));
    identityService.setAuthentication("staff1", List.of("staff"));
    ProcessInstance pi;
    try {
      Map<String, Object> future = new HashMap<>(form);
      future.put("occurredOn", "2027-03-06");
      future.put("description", " ");
      assertThatThrownBy(() -> formService.submitStartForm(definition, future))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("未来").hasMessageContaining("内容");
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(EmergencyProcess.KEY, no,
          Map.of(EmergencyProcess.EMERGENCY_ID, "forged"))).isInstanceOf(ProcessEngineException.class);
      assertThat(emergencies.of(no)).isEmpty();
      pi = formService.submitStartForm(definition, form);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(pi.getBusinessKey()).isEqualTo(no);
    assertThat(emergencies.of(no)).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(Emergencies.Source.STAFF);
      assertThat(e.occurredOn()).isEqualTo(LocalDate.of(2027, 3, 4));
    });
    assertThat(pi).isWaitingAt("Task_AssessEmergency");
    assertThat((Boolean) runtimeService.getVariable(pi.getId(), "notifiedPromptly")).isFalse();
  }

  private void report(String no, String id, String text) {
    transactions.executeWithoutResult(s -> emergencies.report(no, id, text, "provider2"));
    runDueJobs(no);
  }

}
