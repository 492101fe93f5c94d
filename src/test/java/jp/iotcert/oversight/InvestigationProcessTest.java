package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.CertificationLifecycle;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
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

/** `investigation` (第15条): explanation, on-site inspection with its cost, and the three outcomes. */
class InvestigationProcessTest extends ProcessTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired Investigations investigations;
  @Autowired Emergencies emergencies;
  @Autowired ImprovementRequests improvementRequests;
  @Autowired Revocations revocations;
  @Autowired CertificationLifecycle lifecycle;
  @Autowired CertificationRegister register;
  @Autowired TransactionTemplate transactions;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @Test
  void aSufficientExplanationEndsWithoutAction() {
    String no = certified(P2, "説明十分サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, null);
    runDueJobs(no);
    ProcessInstance pi = instance(no, InvestigationProcess.KEY);
    assertThat(pi).isWaitingAt("Gateway_AwaitExplanation");
    assertThat(latestNotice(no, "EXPLANATION_REQUESTED")).contains("第15条第1項").contains(id).contains("2027-03-31")
        .contains("ログの保存状況");
    assertThat(register.events(no)).anySatisfy(e -> assertThat(e.event()).isEqualTo("INVESTIGATION_OPENED"));

    transactions.executeWithoutResult(s -> investigations.explain(no, id, "ログは13か月保存しています", List.of(), List.of(), "provider2"));
    runDueJobs(no);
    assertThat(pi).isWaitingAt("Task_AssessExplanation");
    // Due at the explanation deadline (第15条第1項), and the card names the certification.
    var assess = task(no, "Task_AssessExplanation");
    assertThat(assess.getDueDate()).isEqualTo(BusinessCalendar.endOf(LocalDate.of(2027, 3, 31)));
    assertThat(taskService.getVariable(assess.getId(), InvestigationProcess.CERTIFICATION_NUMBER)).isEqualTo(no);
    assertThat(taskService.getVariable(assess.getId(), InvestigationProcess.SERVICE_NAME)).isEqualTo("説明十分サービス");
    assertThatThrownBy(() -> transactions.executeWithoutResult(s -> investigations.explain(no, id, "再提出", List.of(), List.of(), "provider2")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> taskService.complete(task(no, "Task_AssessExplanation").getId(),
        Map.of("explanationSufficient", true))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("評価");
    complete(no, "Task_AssessExplanation", Map.of("explanationSufficient", true, "assessmentNote", "設定画面で確認"));
    assertThat(pi).hasNotPassed("CallActivity_OnSiteInspection").isWaitingAt("Task_DecideInvestigationOutcome");
    assertThatThrownBy(() -> taskService.complete(task(no, "Task_DecideInvestigationOutcome").getId(),
        Map.of("investigationOutcome", "MAYBE", "findings", "x"))).isInstanceOf(ProcessEngineException.class);
    complete(no, "Task_DecideInvestigationOutcome", Map.of("investigationOutcome", "NONE", "findings", "問題は認められなかった"));
    assertThat(pi).isEnded().hasPassed("Task_CloseInvestigation", "End_NoAction");
    Investigations.Investigation inv = investigations.get(id);
    assertThat(inv.outcome()).isEqualTo(Investigations.Outcome.NONE);
    assertThat(inv.status()).isEqualTo("CLOSED");
    assertThat(inv.refusedOrFalse()).isFalse();
    assertThat(latestNotice(no, "INVESTIGATION_CLOSED")).contains("問題は認められなかった").doesNotContain("設定画面で確認");
    // A closed investigation cannot be run again through /engine-rest with made-up variables, not even
    // by starting after the start event's check: the case is bound to the instance that worked it.
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(InvestigationProcess.KEY, no,
        Map.of(InvestigationProcess.INVESTIGATION_ID, id))).isInstanceOf(ProcessEngineException.class);
    ProcessInstance forged = runtimeService.createProcessInstanceByKey(InvestigationProcess.KEY).businessKey(no)
        .startBeforeActivity("Task_CloseInvestigation")
        .setVariables(Map.of(InvestigationProcess.INVESTIGATION_ID, id, "investigationOutcome", "REVOCATION", "findings", "偽"))
        .execute();
    String job = managementService.createJobQuery().processInstanceId(forged.getId()).singleResult().getId();
    assertThatThrownBy(() -> managementService.executeJob(job)).hasMessageContaining("のプロセスではありません");
    assertThat(investigations.get(id).outcome()).isEqualTo(Investigations.Outcome.NONE);
    runtimeService.deleteProcessInstance(forged.getId(), "test");
    assertThat(register.events(no)).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("INVESTIGATION_CLOSED");
      assertThat(e.detail()).isEqualTo(id + " NONE");
    });
  }

  @Test
  void anOutcomeForACertificationEndedMeanwhileOpensNothingAndSaysSo() {
    String no = certified(P2, "調査中終了サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, null);
    runDueJobs(no);
    ProcessInstance pi = instance(no, InvestigationProcess.KEY);
    transactions.executeWithoutResult(s -> investigations.explain(no, id, "説明します", List.of(), List.of(), "provider2"));
    runDueJobs(no);
    complete(no, "Task_AssessExplanation", Map.of("explanationSufficient", true, "assessmentNote", "確認した"));
    // The certification ends (here: expires) before staff decide.
    transactions.executeWithoutResult(s -> lifecycle.expire(no));
    complete(no, "Task_DecideInvestigationOutcome", Map.of("investigationOutcome", "IMPROVEMENT", "findings", "改善を要する",
        "improvementContent", "ログを保存すること", "improvementDeadline", "2027-04-30", "publishImprovement", false));
    assertThat(pi).isEnded()
        .hasPassed("Task_CloseInvestigation", "Task_NotifyInvestigationOutcome", "Task_CheckCertificationInForce",
            "End_CertificationEnded")
        .hasNotPassed("Gateway_Outcome", "Task_OpenImprovementRequest");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(InvestigationProcess.CERTIFICATION_IN_FORCE).singleResult().getValue()).isEqualTo(false);
    assertThat(investigations.get(id).status()).isEqualTo("CLOSED");
    assertThat(improvementRequests.of(no)).isEmpty();
    assertThat(instance(no, ImprovementProcess.KEY)).isNull();
  }

  @Test
  void anOnSiteInspectionAtNoCostIsNotCharged() {
    String no = certified(P2, "費用なし実地調査サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, null);
    runDueJobs(no);
    transactions.executeWithoutResult(s -> investigations.explain(no, id, "説明します", List.of(), List.of(), "provider2"));
    runDueJobs(no);
    complete(no, "Task_AssessExplanation", Map.of("explanationSufficient", false, "assessmentNote", "現地で確認する"));
    complete(no, "Task_ScheduleInspection", Map.of("inspectionDate", "2027-03-01", "inspectionLocation", "本社",
        "inspectors", "審査 花子"));
    complete(no, "Task_ReportInspection", Map.of("inspectionResult", "CONFORMING", "inspectionReport", "問題なし"));
    complete(no, "Task_RecordInspectionCost", Map.of("inspectionCost", 0));
    ProcessInstance pi = instance(no, InvestigationProcess.KEY);
    assertThat(pi).hasPassed("Gateway_ChargeCost").hasNotPassed("Task_ChargeInspectionCost")
        .isWaitingAt("Task_DecideInvestigationOutcome");
    assertThat(investigations.get(id).inspectionCost()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notice WHERE certification_number = ? AND kind = 'INSPECTION_COST_CHARGED'")
        .param(no).query(Integer.class).single()).isZero();
  }

  @Test
  void noExplanationByTheDeadlineLeadsToAnOnSiteInspectionChargedToTheProviderAndAnImprovementRequest() {
    String no = certified(P2, "実地調査サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, null);
    runDueJobs(no);
    clockAt(LocalDate.of(2027, 4, 1).atTime(0, 0, 1));
    runDueJobs(no);
    ProcessInstance pi = instance(no, InvestigationProcess.KEY);
    assertThat(pi).hasPassed("Timer_ExplanationDeadline").isWaitingAt("Task_AssessExplanation");
    assertThatThrownBy(() -> transactions.executeWithoutResult(s -> investigations.explain(no, id, "遅れました", List.of(), List.of(), "provider2")))
        .isInstanceOf(ConflictException.class);
    complete(no, "Task_AssessExplanation", Map.of("explanationSufficient", false, "cooperationRefused", true,
        "assessmentNote", "期限までに提出なし、連絡もない"));
    assertThat(investigations.get(id).cooperationRefused()).isTrue();

    // The same on-site inspection as for applications (第15条2), told to the provider.
    ProcessInstance inspection = instance(no, "on-site-inspection");
    assertThat(inspection).isWaitingAt("Task_ScheduleInspection");
    complete(no, "Task_ScheduleInspection", Map.of("inspectionDate", "2027-04-01", "inspectionLocation", "本社",
        "inspectors", "審査 花子"));
    assertThat(latestNotice(no, "INSPECTION_SCHEDULED")).contains("第15条第2項").contains("2027-04-01").contains("本社");
    complete(no, "Task_ReportInspection", Map.of("inspectionResult", "NON_CONFORMING", "inspectionReport", "ログ保存が3か月"));
    assertThat(pi).isWaitingAt("Task_RecordInspectionCost");
    assertThatThrownBy(() -> taskService.complete(task(no, "Task_RecordInspectionCost").getId(),
        Map.of("inspectionCost", -1))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("費用");
    complete(no, "Task_RecordInspectionCost", Map.of("inspectionCost", 120000L, "inspectionCostNote", "交通費・人件費"));
    assertThat(investigations.get(id).inspectionCost()).isEqualTo(120000L);
    assertThat(latestNotice(no, "INSPECTION_COST_CHARGED")).contains("120,000 円").contains("第15条第3項");

    assertThatThrownBy(() -> taskService.complete(task(no, "Task_DecideInvestigationOutcome").getId(), Map.of(
        "investigationOutcome", "IMPROVEMENT", "findings", "ログ保存期間が不足", "improvementContent", "保存期間を1年以上に",
        "improvementDeadline", "2027-04-01", "publishImprovement", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("期限");
    complete(no, "Task_DecideInvestigationOutcome", Map.of("investigationOutcome", "IMPROVEMENT",
        "findings", "ログ保存期間が不足", "improvementContent", "保存期間を1年以上にすること",
        "improvementDeadline", "2027-06-30", "publishImprovement", true));
    assertThat(pi).isEnded().hasPassed("Task_ChargeInspectionCost", "Task_OpenImprovementRequest", "End_ImprovementRequested");
    assertThat(improvementRequests.of(no)).singleElement().satisfies(r -> {
      assertThat(r.content()).isEqualTo("保存期間を1年以上にすること");
      assertThat(r.deadline()).isEqualTo(LocalDate.of(2027, 6, 30));
      assertThat(r.published()).isTrue();
    });
    assertThat(instance(no, ImprovementProcess.KEY)).isNotNull();
  }

  @Test
  void aRevocationOutcomeCarriesTheFactsOfTheInvestigationAndItsEmergency() {
    String no = certified(P2, "取消調査サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String emergencyId = transactions.execute(s -> emergencies.openByStaff(register.find(no).orElseThrow(),
        new Emergencies.NewEmergency(LocalDate.of(2027, 2, 20), "報道で漏えいを把握"), "staff1"));
    emergencies.recordPromptness(emergencyId, false, "通知なし");
    String id = transactions.execute(s -> investigations.open(register.find(no).orElseThrow(),
        new Investigations.NewInvestigation(List.of("OPERATIONS", "MARK_USE"), "漏えいの経緯", "経緯の説明",
            LocalDate.of(2027, 3, 31), null), "staff1", emergencyId));
    runDueJobs(no);
    transactions.executeWithoutResult(s -> investigations.explain(no, id, "漏えいはありません", List.of(), List.of(), "provider2"));
    runDueJobs(no);
    complete(no, "Task_AssessExplanation", Map.of("explanationSufficient", true, "falseStatement", true,
        "assessmentNote", "報道と矛盾する虚偽の説明"));
    Map<String, Object> decision = new HashMap<>(Map.of("investigationOutcome", "REVOCATION",
        "findings", "虚偽の説明と未通知の漏えい", "markMisuse", true));
    complete(no, "Task_DecideInvestigationOutcome", decision);
    assertThat(investigations.get(id).outcome()).isEqualTo(Investigations.Outcome.REVOCATION);
    ProcessInstance revocation = instance(no, RevocationProcess.KEY);
    assertThat(revocation).isWaitingAt("Task_DecideRevocation");
    String grounds = (String) runtimeService.getVariable(revocation.getId(), RevocationProcess.GROUNDS_SUMMARY);
    assertThat(grounds).contains("第17条第1項第3号").contains("第17条第1項第5号").contains("第17条第1項第6号")
        .doesNotContain("第17条第1項第7号");
    assertThat(latestNotice(no, "INVESTIGATION_CLOSED")).contains("取消し").doesNotContain("報道と矛盾");
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("End_RevocationOpened").finished()
        .list()).isNotEmpty();
  }

  @Test
  void factsFoundWhileARevocationCaseIsPendingJoinThatCase() {
    String no = certified(P2, "取消併合サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String caseId = transactions.execute(s -> revocations.open(register.find(no).orElseThrow(),
        new RevocationFacts(false, false, true, false, false, false, false, false, false), "認定マークの不正使用", "staff1"));
    String id = open(no, null);
    runDueJobs(no);
    clockAt(LocalDate.of(2027, 4, 1).atTime(0, 0, 1));
    runDueJobs(no);
    complete(no, "Task_AssessExplanation", Map.of("explanationSufficient", true, "cooperationRefused", true,
        "assessmentNote", "提出なし"));
    String oldTask = task(no, "Task_DecideRevocation").getId();
    complete(no, "Task_DecideInvestigationOutcome", Map.of("investigationOutcome", "REVOCATION", "findings", "調査を拒否した"));

    // The decision task is replaced (a form open on the old one cannot be submitted)…
    assertThat(task(no, "Task_DecideRevocation").getId()).isNotEqualTo(oldTask);
    assertThat(register.events(no)).anySatisfy(e -> assertThat(e.event()).isEqualTo("REVOCATION_FACTS_ADDED"));
    // …and there is one case, one decision: the manager sees the grounds of both (第3号 and 第6号) and both summaries.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no)
        .processDefinitionKey(RevocationProcess.KEY).count()).isEqualTo(1);
    ProcessInstance revocation = instance(no, RevocationProcess.KEY);
    assertThat((String) runtimeService.getVariable(revocation.getId(), RevocationProcess.GROUNDS_SUMMARY))
        .contains("第17条第1項第3号").contains("第17条第1項第6号");
    assertThat((String) runtimeService.getVariable(revocation.getId(), RevocationProcess.CASE_SUMMARY))
        .contains("認定マークの不正使用").contains("調査を拒否した");
    assertThat(investigations.get(id).outcome()).isEqualTo(Investigations.Outcome.REVOCATION);
    complete(no, "Task_DecideRevocation", Map.of(RevocationProcess.DECISION, "REVOKE", RevocationProcess.REASONS, "重大"));
    assertThat(jdbc.sql("SELECT grounds FROM revocation_case WHERE id = ?").param(caseId).query(String.class).single())
        .contains("第17条第1項第3号").contains("第17条第1項第6号");
  }

  @Test
  void aDelegatedInvestigationIsWorkedByItsDelegate() {
    String no = certified(P2, "委託調査サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String id = open(no, "delegate1");
    runDueJobs(no);
    transactions.executeWithoutResult(s -> investigations.explain(no, id, "説明します", List.of(), List.of(), "provider2"));
    runDueJobs(no);
    assertThat(task(no, "Task_AssessExplanation").getAssignee()).isEqualTo("delegate1");
    assertThat(investigations.delegatedTo(no, "delegate1")).isTrue();
    assertThat(investigations.delegatedTo(no, "staff1")).isFalse();
  }

  @Test
  void badInputIsRefusedAndNothingIsStarted() {
    String no = certified(P2, "調査入力検査サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    assertThatThrownBy(() -> investigations.open(register.find(no).orElseThrow(),
        new Investigations.NewInvestigation(List.of("EVERYTHING"), " ", null, LocalDate.of(2027, 3, 1), "staff1"),
        "staff1", null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(ex -> assertThat(((InvalidInputException) ex).errors()).extracting(e -> e.field())
            .containsExactlyInAnyOrder("scope", "reason", "request", "deadline", "delegatedTo"));
    assertThat(investigations.of(no)).isEmpty();
    assertThat(instance(no, InvestigationProcess.KEY)).isNull();
  }

  @Test
  void staffStartAnInvestigationFromTasklistsStartForm() {
    String no = certified(P2, "Tasklist調査サービス", LocalDate.of(2026, 12, 1));
    clockAt(LocalDate.of(2027, 3, 1));
    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(InvestigationProcess.KEY)
        .latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of("certificationNumber", no, "scopeOperations", false,
        "scopeMarkUse", true, "investigationReason", "ウェブサイトの表示", "investigationRequest", "マークの掲載箇所",
        "investigationDeadline", "2027-03-20", "delegatedTo", ""));
    // As Tasklist does it: the engine call runs as the logged-in staff member.
    identityService.setAuthentication("staff1", List.of("staff"));
    ProcessInstance pi;
    try {
      Map<String, Object> unknown = new HashMap<>(form);
      unknown.put("certificationNumber", "IoT 9999-9999");
      assertThatThrownBy(() -> formService.submitStartForm(definition, unknown))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("認定番号");
      Map<String, Object> noScope = new HashMap<>(form);
      noScope.put("scopeMarkUse", false);
      noScope.put("investigationDeadline", "2027-02-01");
      assertThatThrownBy(() -> formService.submitStartForm(definition, noScope))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("調査の対象").hasMessageContaining("提出期限");
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(InvestigationProcess.KEY, no,
          Map.of(InvestigationProcess.INVESTIGATION_ID, "forged"))).isInstanceOf(ProcessEngineException.class);
      pi = formService.submitStartForm(definition, form);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(investigations.of(no)).singleElement().satisfies(inv -> {
      assertThat(inv.scope()).containsExactly(Investigations.Scope.MARK_USE);
      assertThat(inv.openedBy()).isEqualTo("staff1");
      assertThat(inv.deadline()).isEqualTo(LocalDate.of(2027, 3, 20));
    });
    assertThat(pi.getBusinessKey()).isEqualTo(no);
    runDueJobs(no);
    assertThat(pi).isWaitingAt("Gateway_AwaitExplanation");
    assertThat(latestNotice(no, "EXPLANATION_REQUESTED")).contains("マークの掲載箇所");
  }

  private String open(String no, String delegate) {
    return transactions.execute(s -> investigations.open(register.find(no).orElseThrow(),
        new Investigations.NewInvestigation(List.of("OPERATIONS"), "利用者からの苦情", "ログの保存状況の説明と設定画面の写し",
            LocalDate.of(2027, 3, 31), delegate), "staff1", null));
  }

}
