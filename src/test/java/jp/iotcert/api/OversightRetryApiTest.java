package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.oversight.AssignInvestigationDelegateListener;
import jp.iotcert.oversight.CheckPendingReportsDelegate;
import jp.iotcert.oversight.Emergencies;
import jp.iotcert.oversight.EmergencyProcess;
import jp.iotcert.oversight.InvestigationProcess;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider's report or explanation that collides with another update of the same process
 * instance (a job, staff in Cockpit) is tried again, as a payment is (ConcurrentUpdateRetry): the
 * provider gets 202 and the report is kept once. The collision is made real: while the report's
 * transaction runs the process's first step, another thread suspends and reactivates the instance,
 * so the report's flush meets a newer revision and the engine refuses it.
 */
class OversightRetryApiTest extends ApiTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @MockitoSpyBean CheckPendingReportsDelegate checkPendingReports;
  @MockitoSpyBean AssignInvestigationDelegateListener assignInvestigationDelegate;
  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired Emergencies emergencies;
  @Autowired BusinessCalendar calendar;

  private final AtomicBoolean collide = new AtomicBoolean();
  private final AtomicInteger collisions = new AtomicInteger();
  private final AtomicReference<Throwable> otherFailed = new AtomicReference<>();

  @Test
  void anEmergencyReportCollidingWithAnotherUpdateIsRetried() throws Throwable {
    String no = certified("緊急再試行API");
    String emergencyId = postJson("provider2", "/api/certifications/" + no + "/notifications",
        Map.of("kind", "EMERGENCY", "occurredOn", calendar.today().toString(), "description", "停止"))
        .getBody().get("emergencyId").asText();
    ProcessInstance pi = instance(no, EmergencyProcess.KEY);
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_AssessEmergency").singleResult().getId(),
        Map.of("notifiedPromptly", true, "staffNote", "通知あり"));
    runJobs(pi);
    assertThat(runtimeService.getActiveActivityIds(pi.getId())).contains("Gateway_AwaitReport");

    clearInvocations(checkPendingReports);
    doAnswer(call -> collideOnce(pi, call)).when(checkPendingReports).execute(any());
    collide.set(true);
    ResponseEntity<JsonNode> reported = postJson("provider2",
        "/api/certifications/" + no + "/emergencies/" + emergencyId + "/reports", Map.of("report", "復旧作業中"));

    assertThat(reported.getStatusCode().value()).isEqualTo(202);
    assertThat(otherFailed).hasValue(null);
    assertThat(collisions).hasValue(1);
    // The first attempt met the other update and was rolled back whole; the second went through.
    verify(checkPendingReports, times(2)).execute(any());
    assertThat(emergencies.reports(emergencyId)).singleElement()
        .satisfies(r -> assertThat(r.report()).isEqualTo("復旧作業中"));
    assertThat(runtimeService.getActiveActivityIds(pi.getId())).containsExactly("Task_ReviewEmergencyReport");
    assertThat(runtimeService.getVariable(pi.getId(), EmergencyProcess.LATEST_REPORT)).isEqualTo("復旧作業中");
  }

  @Test
  void anExplanationCollidingWithAnotherUpdateIsRetried() throws Throwable {
    String no = certified("調査再試行API");
    String investigationId = postJson("staff1", "/api/certifications/" + no + "/investigations",
        Map.of("scope", List.of("OPERATIONS"), "reason", "苦情", "request", "ログの説明",
            "deadline", calendar.today().plusDays(20).toString())).getBody().get("id").asText();
    ProcessInstance pi = instance(no, InvestigationProcess.KEY);
    runJobs(pi);
    assertThat(runtimeService.getActiveActivityIds(pi.getId())).contains("Gateway_AwaitExplanation");

    clearInvocations(assignInvestigationDelegate);
    doAnswer(call -> collideOnce(pi, call)).when(assignInvestigationDelegate).notify(any());
    collide.set(true);
    ResponseEntity<JsonNode> explained = postJson("provider2",
        "/api/certifications/" + no + "/investigations/" + investigationId + "/explanations",
        Map.of("explanation", "13か月保存しています"));

    assertThat(explained.getStatusCode().value()).isEqualTo(202);
    assertThat(otherFailed).hasValue(null);
    assertThat(collisions).hasValue(1);
    verify(assignInvestigationDelegate, times(2)).notify(any());
    assertThat(runtimeService.getActiveActivityIds(pi.getId())).containsExactly("Task_AssessExplanation");
    assertThat(runtimeService.getVariable(pi.getId(), InvestigationProcess.EXPLANATION_RECEIVED)).isEqualTo(true);
  }

  /** The first time armed: another transaction changes the instance meanwhile; then the real step. */
  private Object collideOnce(ProcessInstance pi, InvocationOnMock call) throws Throwable {
    if (collide.getAndSet(false)) {
      Thread other = new Thread(() -> {
        try {
          runtimeService.suspendProcessInstanceById(pi.getId());
          runtimeService.activateProcessInstanceById(pi.getId());
        } catch (Throwable t) {
          otherFailed.set(t);
        }
      });
      other.start();
      other.join();
      collisions.incrementAndGet();
    }
    return call.callRealMethod();
  }

  private ProcessInstance instance(String no, String key) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).processDefinitionKey(key)
        .singleResult();
  }

  private void runJobs(ProcessInstance pi) {
    for (Job job = next(pi); job != null; job = next(pi)) {
      managementService.executeJob(job.getId());
    }
  }

  private Job next(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).executable().list().stream()
        .findFirst().orElse(null);
  }

  private String certified(String serviceName) {
    LocalDate on = calendar.today().minusDays(10);
    String applicationNumber = submitted("provider2", P2, serviceName);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(applicationNumber,
        P2, "株式会社テスト", serviceName, "説明", null, on, on,
        json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]"))).certificationNumber();
  }
}
