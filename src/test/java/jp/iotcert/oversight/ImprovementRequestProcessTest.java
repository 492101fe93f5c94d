package jp.iotcert.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;
import jp.iotcert.certification.CertificationLifecycle;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.registry.Registry;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** `improvement-request` (第16条): report and verification, the deadline missed, revocation proposed (第17条1(7)). */
class ImprovementRequestProcessTest extends ProcessTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired ImprovementRequests requests;
  @Autowired CertificationRegister register;
  @Autowired CertificationLifecycle lifecycle;
  @Autowired Registry registry;
  @Autowired jp.iotcert.registry.RegistryPageController registryPages;
  @Autowired TransactionTemplate transactions;

  @Test
  void aReportedImprovementIsVerifiedAndAPublishedRequestAppearsInTheRegistry() {
    String no = certified(P2, "改善対応サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, LocalDate.of(2027, 3, 31), true);
    runDueJobs(no);
    ProcessInstance pi = instance(no, ImprovementProcess.KEY);
    assertThat(pi).isWaitingAt("Gateway_AwaitReport");
    assertThat(registry.find(no).orElseThrow().improvementRequests()).singleElement()
        .satisfies(r -> assertThat(r.content()).isEqualTo("ログの保存期間を1年以上にすること"));
    assertThat(jp.iotcert.support.RegistryFeedTitles.of(registryPages, no)).contains(no + " 改善対応サービス：改善要請の公表（第16条第2項）");
    assertThat(jdbc.sql("SELECT body FROM notice WHERE certification_number = ? AND kind = 'IMPROVEMENT_REQUESTED'")
        .param(no).query(String.class).single()).contains("第16条").contains(id).contains("公表します");

    transactions.executeWithoutResult(s -> requests.report(no, id, "保存期間を13か月に変更しました"));
    // Due at the improvement deadline (第16条).
    assertThat(task(no, "Task_VerifyImprovement").getDueDate()).isEqualTo(BusinessCalendar.endOf(LocalDate.of(2027, 3, 31)));
    complete(no, "Task_VerifyImprovement", Map.of("improved", true, "verificationNote", "設定を確認した"));
    assertThat(pi).isEnded().hasPassed("Task_PublishImprovementRequest", "Task_CloseImprovementRequest", "End_Improved");
    assertThat(requests.get(id).status()).isEqualTo("IMPROVED");
    assertThat(register.events(no)).anySatisfy(e -> assertThat(e.detail()).isEqualTo(id + " IMPROVED"));
    assertThatThrownBy(() -> requests.report(no, id, "再報告")).isInstanceOf(ConflictException.class);
  }

  @Test
  void aMissedDeadlineLeadsStaffToProposeRevocation() {
    String no = certified(P2, "改善期限切れサービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, LocalDate.of(2027, 3, 31), false);
    runDueJobs(no);
    assertThat(registry.find(no).orElseThrow().improvementRequests()).isEmpty(); // not published (第16条2)
    clockAt(LocalDate.of(2027, 3, 31).atTime(23, 59));
    runDueJobs(no);
    ProcessInstance pi = instance(no, ImprovementProcess.KEY);
    assertThat(pi).isWaitingAt("Gateway_AwaitReport");
    clockAt(LocalDate.of(2027, 4, 1).atTime(0, 0, 1));
    runDueJobs(no);
    assertThat(pi).isWaitingAt("Task_ProposeRevocation");
    complete(no, "Task_ProposeRevocation", Map.of("proposeRevocation", true, "proposalNote", "報告なし、正当な理由も示されない"));
    assertThat(pi).isEnded().hasPassed("Task_RecordNotFollowed", "Task_OpenRevocation", "End_RevocationProposed")
        .hasNotPassed("Task_PublishImprovementRequest");
    assertThat(requests.get(id).status()).isEqualTo("NOT_FOLLOWED");
    ProcessInstance revocation = instance(no, RevocationProcess.KEY);
    assertThat(revocation).isWaitingAt("Task_DecideRevocation");
    assertThat((String) runtimeService.getVariable(revocation.getId(), RevocationProcess.GROUNDS_SUMMARY))
        .contains("第17条第1項第7号");
  }

  @Test
  void aProposalForACertificationEndedMeanwhileOpensNoRevocation() {
    String no = certified(P2, "改善中終了サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, LocalDate.of(2027, 3, 31), false);
    runDueJobs(no);
    ProcessInstance pi = instance(no, ImprovementProcess.KEY);
    clockAt(LocalDate.of(2027, 4, 1).atTime(0, 0, 1));
    runDueJobs(no);
    transactions.executeWithoutResult(s -> lifecycle.expire(no));
    complete(no, "Task_ProposeRevocation", Map.of("proposeRevocation", true, "proposalNote", "報告なし"));
    assertThat(pi).isEnded().hasPassed("Task_CheckCertificationInForce", "End_CertificationEnded")
        .hasNotPassed("Task_OpenRevocation");
    assertThat(requests.get(id).status()).isEqualTo("NOT_FOLLOWED");
    assertThat(instance(no, RevocationProcess.KEY)).isNull();
  }

  @Test
  void anImprovementNotMadeMayStillNotLeadToRevocation() {
    String no = certified(P2, "改善不十分サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, LocalDate.of(2027, 3, 31), false);
    runDueJobs(no);
    transactions.executeWithoutResult(s -> requests.report(no, id, "検討中です"));
    complete(no, "Task_VerifyImprovement", Map.of("verificationNote", "改善されていない"));
    complete(no, "Task_ProposeRevocation", Map.of("proposalNote", "期限の延長を検討する"));
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("End_NoRevocationProposed").count())
        .isPositive();
    assertThat(instance(no, RevocationProcess.KEY)).isNull();
  }

  @Test
  void requestsAndReportsAreChecked() {
    String no = certified(P2, "要請検証サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    assertThatThrownBy(() -> open(no, LocalDate.of(2027, 3, 1), null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2件");
    String id = open(no, LocalDate.of(2027, 3, 31), false);
    assertThatThrownBy(() -> requests.report("IoT 9999-9999", id, "報告")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> requests.report(no, id, " ")).isInstanceOf(InvalidInputException.class);
  }

  private String open(String no, LocalDate deadline, Boolean publish) {
    return transactions.execute(s -> requests.open(register.find(no).orElseThrow(),
        new ImprovementRequests.NewRequest("ログの保存期間を1年以上にすること", deadline, publish), "staff1"));
  }
}
