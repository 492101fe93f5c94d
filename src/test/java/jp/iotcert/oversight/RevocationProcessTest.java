package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.Map;
import jp.iotcert.application.ApplicationRepository;
import jp.iotcert.certification.CertificationNotifications;
import jp.iotcert.certification.CertificationProcess;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.common.ConflictException;
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

/** `revocation` (第17条): grounds by DMN, the manager's discretion, and what a revocation does to the certification. */
class RevocationProcessTest extends ProcessTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired Revocations revocations;
  @Autowired CertificationRegister register;
  @Autowired ApplicationRepository applications;
  @Autowired Registry registry;
  @Autowired jp.iotcert.registry.RegistryPageController registryPages;
  @Autowired TransactionTemplate transactions;
  @Autowired CertificationNotifications notifications;

  @Test
  void aRevocationEndsTheCertificationChasesTheCertificateAndBarsANewApplicationForAYear() {
    String no = certified(P2, "取消対象サービス", LocalDate.of(2026, 12, 1));
    ProcessInstance lifecycle = instance(no, CertificationProcess.KEY);
    clockAt(LocalDate.of(2027, 5, 10));
    open(no, new RevocationFacts(false, false, true, false, false, false, true, false, false));
    ProcessInstance pi = instance(no, RevocationProcess.KEY);
    assertThat(pi).isWaitingAt("Task_DecideRevocation");
    String summary = (String) runtimeService.getVariable(pi.getId(), RevocationProcess.GROUNDS_SUMMARY);
    assertThat(summary).contains("第17条第1項第3号").contains("第17条第1項第7号");
    assertThat(task(no, "Task_DecideRevocation")).hasCandidateGroup("manager");

    complete(no, "Task_DecideRevocation", Map.of(RevocationProcess.DECISION, "REVOKE",
        RevocationProcess.REASONS, "改善要請に従わず、認定マークを認定外のサービスに使用した"));
    runDueJobs(no);
    assertThat(pi).isEnded().hasPassed("Task_RevokeCertification", "End_Revoked");
    var revoked = register.find(no).orElseThrow();
    assertThat(revoked.status()).isEqualTo(CertificationStatus.REVOKED);
    assertThat(revoked.endedOn()).isEqualTo(LocalDate.of(2027, 5, 10));
    assertThat(registry.find(no).orElseThrow().status()).isEqualTo("REVOKED");
    // Published with its articles only (第17条3), never the manager's reasons.
    assertThat(jp.iotcert.support.RegistryFeedTitles.of(registryPages, no)).contains(
        no + " 取消対象サービス：取消し（第17条第1項第3号、第17条第1項第7号、第17条第3項により公表）");
    // The lifecycle ends as revoked: no renewal reminder or expiry afterwards, the certificate is chased.
    assertThat(lifecycle).hasPassed("Start_CertificationRevoked", "Start_CertificationEnded")
        .isWaitingAt("Task_ConfirmCertificateReturn");
    assertThat(jdbc.sql("SELECT body FROM notice WHERE certification_number = ? AND kind = 'REVOKED'").param(no)
        .query(String.class).single()).contains("第17条第1項").contains("第10条第8項").contains("返納");

    // 第8条: counted back from the application date as day one, 2028-05-09 still reaches the revocation
    // of 2027-05-10; an application on 2028-05-10 does not.
    clockAt(LocalDate.of(2028, 5, 9));
    String within = submitComplete(P2, "取消対象サービス").applicationNumber();
    assertThat(runtimeService.getVariable(instance(within, "certification-application").getId(), "refusalGround"))
        .isEqualTo(true);
    clockAt(LocalDate.of(2028, 5, 10));
    String after = submitComplete(P2, "取消対象サービス").applicationNumber();
    assertThat(runtimeService.getVariable(instance(after, "certification-application").getId(), "refusalGround"))
        .isEqualTo(false);
  }

  @Test
  void theManagerMayDecideNotToRevoke() {
    String no = certified(P2, "取消しなしサービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 5, 10));
    open(no, new RevocationFacts(true, false, false, false, false, false, false, false, false));
    complete(no, "Task_DecideRevocation", Map.of(RevocationProcess.DECISION, "KEEP",
        RevocationProcess.REASONS, "是正済みを確認した"));
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("End_NotRevoked").count()).isPositive();
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.VALID);
    assertThat(instance(no, CertificationProcess.KEY)).isWaitingAt("Timer_RenewalReminder");
    assertThat(register.events(no)).extracting(CertificationRegister.Event::event)
        .containsSubsequence("REVOCATION_OPENED", "REVOCATION_NOT_TAKEN");
    // Decided: a new case may be opened (one undecided case at a time).
    open(no, new RevocationFacts(true, false, false, false, false, false, false, false, false));
    assertThatThrownBy(() -> open(no, new RevocationFacts(true, false, false, false, false, false, false, false, false)))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void noRevocationWithoutAGround() {
    String no = certified(P2, "事由なしサービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 5, 10));
    open(no, new RevocationFacts(false, false, false, false, false, false, false, false, false));
    String taskId = task(no, "Task_DecideRevocation").getId();
    assertThat((String) taskService.getVariable(taskId, RevocationProcess.GROUNDS_SUMMARY)).contains("該当する取消事由はありません");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(RevocationProcess.DECISION, "REVOKE",
        RevocationProcess.REASONS, "取り消したい"))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("取消事由");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(RevocationProcess.DECISION, "KEEP")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("理由");
    complete(no, "Task_DecideRevocation", Map.of(RevocationProcess.DECISION, "KEEP", RevocationProcess.REASONS, "事由なし"));
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.VALID);
  }

  @Test
  void aCertificationThatEndedWhileTheCaseWasDecidedIsNotRevokedAndTheCaseShowsWhy() {
    String no = certified(P2, "決定前失効サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 5, 10));
    open(no, new RevocationFacts(false, false, true, false, false, false, false, false, false));
    ProcessInstance pi = instance(no, RevocationProcess.KEY);
    // Meanwhile the provider merged (第9条2): the certification lapsed before the manager decided.
    transactions.executeWithoutResult(s -> notifications.receive(register.find(no).orElseThrow(),
        new CertificationNotifications.Request("MERGER", LocalDate.of(2027, 5, 1), "合併の届出", null, null, null),
        "provider2", false));
    runDueJobs(no);
    assertThat(register.find(no).orElseThrow().status()).isEqualTo(CertificationStatus.LAPSED);

    complete(no, "Task_DecideRevocation", Map.of(RevocationProcess.DECISION, RevocationProcess.REVOKE,
        RevocationProcess.REASONS, "認定マークを認定外のサービスに使用した"));
    runDueJobs(no);
    assertThat(pi).isEnded().hasPassed("Task_RevokeCertification", "Event_CertificationNotInForce",
        "End_CertificationAlreadyEnded").hasNotPassed("End_Revoked");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("End_CertificationAlreadyEnded").count()).isEqualTo(1);
    var lapsed = register.find(no).orElseThrow();
    assertThat(lapsed.status()).isEqualTo(CertificationStatus.LAPSED);
    assertThat(lapsed.endedOn()).isEqualTo(LocalDate.of(2027, 5, 1));
    assertThat(register.events(no)).extracting(CertificationRegister.Event::event).doesNotContain("REVOKED");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE certification_number = ? AND kind = 'REVOKED'").param(no)
        .query(Integer.class).single()).isZero();
  }

  private void open(String no, RevocationFacts facts) {
    transactions.executeWithoutResult(s -> revocations.open(register.find(no).orElseThrow(), facts, "調査の結果", "staff1"));
  }

}
