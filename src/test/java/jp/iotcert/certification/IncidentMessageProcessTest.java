package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An incident tells the operator in Japanese what failed for which case and what to do (issue 10,
 * "Cockpit for the manager"): a certification ended out of band (a register corrected by hand) while
 * its lifecycle still waits for the end of validity. When the validity ends, 「認定を終了する（期間満了）」
 * fails on every retry of its cycle (R5/PT10M) and becomes an incident whose message names the case,
 * the step, the cause and the action, without an exception class or engine code.
 */
class IncidentMessageProcessTest extends ProcessTestBase {

  @Autowired CertificationRegister register;

  @Test
  void aFailedExpiryBecomesAnIncidentWithAJapaneseMessageThatSaysWhatToDo() {
    String no = certified(TestApplications.PROVIDER2_NUMBER, "インシデント確認サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance pi = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2028, 11, 30).atTime(12, 0));
    runDueJobs(no);
    register.setStatus(no, CertificationStatus.REVOKED);

    // The validity ends: the timer fires, the expiry fails and is retried as its cycle says.
    List<String> failures = new ArrayList<>();
    LocalDateTime now = LocalDate.of(2028, 12, 1).atTime(0, 0, 1);
    for (int round = 0; round < 20 && incidents(pi).isEmpty(); round++) {
      clockAt(now);
      for (Job job : managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException e) {
          failures.add(e.getMessage());
        }
      }
      now = now.plusMinutes(11); // the next retry of R5/PT10M
    }
    assertThat(failures).as("five attempts (R5)").hasSize(5)
        .allSatisfy(m -> assertThat(m).startsWith("認定 " + no + " は既に終了しているため"));

    List<Incident> incidents = incidents(pi);
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    // The expiry runs in the timer's job (certification 2.3.0): the incident is on the timer, with its retries.
    assertThat(incident.getActivityId()).isEqualTo("Timer_ValidityEnds");
    assertThat(incident.getIncidentMessage()).isEqualTo("【" + no + "】「認定サービスのライフサイクル」の「有効期間満了」"
        + "が失敗しました。認定 " + no + " は既に終了しているため（取消）、期間満了として終了できません。 対処: 認定台帳（GET"
        + " /api/certifications/" + no + "）で終了の記録を確認してください。終了が正しければ、管理者が Cockpit でこのプロセス"
        + "インスタンスをキャンセルしてください。台帳の誤りを直した場合は、Cockpit の「インシデント」タブでジョブをリトライしてください。");
    assertThat(historyService.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult()
        .getIncidentMessage()).isEqualTo(incident.getIncidentMessage());
    assertThat(register.find(no).orElseThrow().status()).as("nothing changed").isEqualTo(CertificationStatus.REVOKED);
  }

  private List<Incident> incidents(ProcessInstance pi) {
    return runtimeService.createIncidentQuery().processInstanceId(pi.getId()).list();
  }
}
