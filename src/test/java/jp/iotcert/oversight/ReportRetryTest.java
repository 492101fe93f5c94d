package jp.iotcert.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.identity.Groups;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider's report or explanation that collides with another update of the same process
 * instance (a job, staff in Cockpit) is tried again by its endpoint, as a payment is
 * (ConcurrentUpdateRetry): the provider gets 202 and the report is kept once. The collision is
 * real: while the request's transaction runs the process's first step, another thread suspends and
 * reactivates the instance, so the request's flush meets a newer revision and the engine refuses
 * it with an OptimisticLockingException. (A context of its own with a unique engine name, so the
 * spies do not replace the engine the HTTP tests reach as "default".)
 */
class ReportRetryTest extends ProcessTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @MockitoSpyBean CheckPendingReportsDelegate checkPendingReports;
  @MockitoSpyBean AssignInvestigationDelegateListener assignInvestigationDelegate;
  @Autowired EmergencyController emergencyController;
  @Autowired InvestigationController investigationController;
  @Autowired Emergencies emergencies;
  @Autowired Investigations investigations;
  @Autowired CertificationRegister register;
  @Autowired TransactionTemplate transactions;

  private final AtomicBoolean collide = new AtomicBoolean();
  private final AtomicInteger collisions = new AtomicInteger();
  private final AtomicReference<Throwable> otherFailed = new AtomicReference<>();

  @AfterEach
  void noCaller() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void anEmergencyReportCollidingWithAnotherUpdateIsRetried() {
    String no = certified(P2, "緊急再試行サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 5));
    String id = transactions.execute(s -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 3, 4), "障害"), "staff1"));
    complete(no, "Task_AssessEmergency", Map.of("notifiedPromptly", true, "staffNote", "通知あり"));
    ProcessInstance pi = instance(no, EmergencyProcess.KEY);
    assertThat(runtimeService.getActiveActivityIds(pi.getId())).contains("Gateway_AwaitReport");

    clearInvocations(checkPendingReports);
    doAnswer(call -> collideOnce(pi, call)).when(checkPendingReports).execute(any());
    collide.set(true);
    actAs("provider2");
    ResponseEntity<Map<String, String>> reported = emergencyController.report(no, id, "{\"report\": \"復旧作業中\"}");

    assertThat(reported.getStatusCode().value()).isEqualTo(202);
    assertThat(otherFailed).hasValue(null);
    assertThat(collisions).hasValue(1);
    // The first attempt met the other update and was rolled back whole; the second went through.
    verify(checkPendingReports, times(2)).execute(any());
    assertThat(emergencies.reports(id)).singleElement().satisfies(r -> assertThat(r.report()).isEqualTo("復旧作業中"));
    assertThat(runtimeService.getActiveActivityIds(pi.getId())).containsExactly("Task_ReviewEmergencyReport");
    assertThat(runtimeService.getVariable(pi.getId(), EmergencyProcess.LATEST_REPORT)).isEqualTo("復旧作業中");
  }

  @Test
  void anExplanationCollidingWithAnotherUpdateIsRetried() {
    String no = certified(P2, "調査再試行サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = transactions.execute(s -> investigations.open(register.find(no).orElseThrow(),
        new Investigations.NewInvestigation(List.of("OPERATIONS"), "苦情", "ログの説明", LocalDate.of(2027, 3, 31), null),
        "staff1", null));
    runDueJobs(no);
    ProcessInstance pi = instance(no, InvestigationProcess.KEY);
    assertThat(runtimeService.getActiveActivityIds(pi.getId())).contains("Gateway_AwaitExplanation");

    clearInvocations(assignInvestigationDelegate);
    doAnswer(call -> collideOnce(pi, call)).when(assignInvestigationDelegate).notify(any());
    collide.set(true);
    actAs("provider2");
    ResponseEntity<Map<String, String>> explained = investigationController.explain(no, id,
        "{\"explanation\": \"13か月保存しています\"}");

    assertThat(explained.getStatusCode().value()).isEqualTo(202);
    assertThat(otherFailed).hasValue(null);
    assertThat(collisions).hasValue(1);
    verify(assignInvestigationDelegate, times(2)).notify(any());
    assertThat(investigations.get(id).explanation()).isEqualTo("13か月保存しています");
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

  private static void actAs(String user) {
    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
        List.of(new SimpleGrantedAuthority("ROLE_" + Groups.PROVIDER))));
  }
}
