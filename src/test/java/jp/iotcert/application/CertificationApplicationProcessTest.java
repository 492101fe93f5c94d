package jp.iotcert.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.certification.CertificationProcess;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.PublishedDisclosure;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.committee.CommitteeProcess;
import jp.iotcert.common.ConflictException;
import jp.iotcert.inspection.InspectionProcess;
import jp.iotcert.notice.NoticeService;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** Every path of `certification-application` (and, through it, of its called processes). */
class CertificationApplicationProcessTest extends ProcessTestBase {

  private static final String KEY = ApplicationProcess.KEY;

  @Autowired ApplicationRepository applications;
  @Autowired CertificationRegister register;
  @Autowired NoticeService notices;
  @Autowired PublishedDisclosure published;
  @Autowired RepositoryService repositoryService;

  @Test
  void certifiesAfterReviewInspectionAndCommittee() throws Exception {
    LocalDate today = LocalDate.of(2026, 12, 1);
    clockAt(today);
    Application application = submitComplete(TestApplications.PROVIDER1_NUMBER, "IoT監視クラウド");
    String no = application.applicationNumber();
    ProcessInstance pi = instance(no, KEY);

    assertThat(pi).isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    assertThat(pi).hasPassed("Task_CheckRefusalGrounds", "Task_CheckCompletenessAutomatically");
    assertThat(pi).variables().containsEntry(ApplicationProcess.AUTO_COMPLETE, true)
        .containsEntry(ApplicationProcess.REFUSAL_GROUND, false);
    assertThat(task(no, "Task_CheckCompleteness")).hasCandidateGroup("staff");

    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    assertThat(pi).isWaitingAt("Task_AwaitFeePayment");

    applicationService.pay(no, new ApplicationService.PaymentRequest(100_000L, today, "BANK-0001"));
    assertThat(pi).isWaitingAt("Task_ReviewApplication");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
    assertThat(task(no, "Task_ReviewApplication")).hasCandidateGroup("reviewer");
    assertThat(task(no, "Task_ReviewApplication").getDueDate()).as("no deadline for a new application").isNull();
    assertThat(runtimeService.getVariable(pi.getId(), ApplicationProcess.CRITERIA_ITEMS).toString())
        .contains("\"value\":\"B-01\"").contains("開示情報の時点（必須）");

    complete(no, "Task_ReviewApplication", TestApplications.judged(Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "全項目適合", ApplicationProcess.CONFORMING_ITEMS, allItems(),
        ApplicationProcess.INSPECTION_REQUIRED, true,
        ApplicationProcess.COMMITTEE_REQUIRED, true)));
    assertThat(pi).isWaitingAt("CallActivity_OnSiteInspection");
    assertThat(task(no, "Task_ScheduleInspection").getDueDate()).as("no renewal deadline for a new application").isNull();

    complete(no, "Task_ScheduleInspection", Map.of("inspectionDate", "2026-12-10", "inspectionLocation", "本社",
        "inspectors", "審査 花子"));
    assertThat(notices.forApplication(no)).extracting(n -> n.kind()).contains("INSPECTION_SCHEDULED");
    // The report is due at the end of the inspection day; the card says which application it is.
    var report = task(no, "Task_ReportInspection");
    assertThat(report.getDueDate()).isEqualTo(BusinessCalendar.endOf(LocalDate.of(2026, 12, 10)));
    assertThat(taskService.getVariable(report.getId(), ApplicationProcess.APPLICATION_KIND)).isEqualTo("新規");
    assertThat(taskService.getVariable(report.getId(), ApplicationProcess.APPLICATION_NUMBER)).isEqualTo(no);
    // The report cannot come before the scheduled day (Japan's day).
    String reportId = task(no, "Task_ReportInspection").getId();
    clockAt(LocalDate.of(2026, 12, 9).atTime(23, 59));
    assertThatThrownBy(() -> taskService.complete(reportId, Map.of("inspectionResult", "CONFORMING",
        "inspectionReport", "問題なし"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("実地調査の予定日（2026年12月10日）より前には、調査結果を報告できません。");
    clockAt(LocalDate.of(2026, 12, 10));
    complete(no, "Task_ReportInspection", Map.of("inspectionResult", "CONFORMING", "inspectionReport", "問題なし"));
    clockAt(today);
    assertThat(pi).isWaitingAt("CallActivity_CommitteeReview");
    assertThat(pi).variables().containsEntry("inspectionResult", "CONFORMING");

    // committee3 declared an interest in provider1 (demo data), so only committee1 and committee2 sit.
    var opinionTasks = taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinionTasks).extracting(t -> t.getAssignee()).containsExactlyInAnyOrder("committee1", "committee2");
    assertThat(opinionTasks).as("no renewal deadline for a new application").allMatch(t -> t.getDueDate() == null);
    // The members see the review and the inspection the application went through (passed in by the call).
    Map<String, Object> shown = taskService.getVariables(opinionTasks.get(0).getId());
    assertThat(shown).containsEntry("inspectionSummary", "**実施日**：2026年12月10日\n**調査結果**：適合")
        .containsEntry("inspectionReport", "問題なし").containsEntry("reviewFindings", "全項目適合");
    assertThat((String) shown.get("reviewSummary")).startsWith("**審査結果**：適合\n**適合とした項目**：" + allItems().size() + "項目");
    assertThat((String) shown.get("documentLinks")).contains("/api/applications/" + no + "/documents/");
    for (var t : opinionTasks) {
      taskService.complete(t.getId(), Map.of("opinion", "FAVOURABLE", "opinionComment", t.getAssignee() + " の意見"));
    }
    runDueJobs(no);
    var consolidate = task(no, "Task_ConsolidateOpinions");
    assertThat(taskService.getVariable(consolidate.getId(), ApplicationProcess.APPLICATION_KIND)).isEqualTo("新規");
    assertThat(consolidate).isAssignedTo("committee1");
    assertThat(consolidate.getDueDate()).as("no renewal deadline for a new application").isNull();
    // Each opinion under the member's name as people read it (IdentitySetup's demo accounts), not the account id.
    assertThat((String) taskService.getVariable(consolidate.getId(), "opinionsSummary"))
        .contains("- **委員 一**: 賛成 — committee1 の意見").contains("- **委員 二**: 賛成 — committee2 の意見")
        .doesNotContain("**committee1**");
    complete(no, "Task_ConsolidateOpinions", Map.of("committeeOpinion", "FAVOURABLE", "committeeSummary", "認定相当"));
    assertThat(pi).isWaitingAt("Task_DecideCertification");
    assertThat(pi).variables().containsEntry("committeeOpinion", "FAVOURABLE");
    assertThat(task(no, "Task_DecideCertification")).hasCandidateGroup("manager");

    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "CERTIFY",
        ApplicationProcess.DECISION_REASONS, "審査基準に適合"));
    assertThat(pi).isEnded().hasPassed("Task_CertifyApplication", "Task_EndCertified", "Task_NotifyCertified",
        "End_Certified");

    Application certified = applications.get(no);
    assertThat(certified.status()).isEqualTo(ApplicationStatus.CERTIFIED);
    assertThat(certified.decidedOn()).isEqualTo(today);
    assertThat(certified.certificationNumber()).matches("IoT \\d{4,}-2612");
    var entry = register.find(certified.certificationNumber()).orElseThrow();
    assertThat(entry.status()).isEqualTo(CertificationStatus.VALID);
    assertThat(entry.certifiedOn()).isEqualTo(today);
    assertThat(entry.validUntil()).isEqualTo(LocalDate.of(2028, 11, 30));
    assertThat(entry.disclosureDate()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(register.certificateCount(certified.certificationNumber())).isEqualTo(1);

    ProcessInstance lifecycle = instance(certified.certificationNumber(), CertificationProcess.KEY);
    assertThat(lifecycle).isNotNull().isWaitingAt("Timer_RenewalReminder");
    assertThat(lifecycle).variables().containsEntry(CertificationProcess.SERVICE_NAME, "IoT監視クラウド")
        .containsEntry(CertificationProcess.PROVIDER_NAME, entry.providerName());
    assertThat(runtimeService.getVariable(lifecycle.getId(), "validityEndsAt"))
        .isEqualTo(BusinessCalendar.endOf(LocalDate.of(2028, 11, 30)));

    // Mail goes out on the mailer's own threads once the job has committed.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        Arrays.stream(MAIL.getReceivedMessages()).map(m -> subject(m)))
        .anyMatch(s -> s.contains("認定通知") && s.contains(certified.certificationNumber())));
  }

  @Test
  void refusesUnderArticle8WhenRevokedWithinAYear() {
    clockAt(LocalDate.of(2026, 12, 1));
    insertRevoked(TestApplications.PROVIDER2_NUMBER, "取消済みサービス", LocalDate.of(2025, 12, 2), 9001);
    Application application = submitComplete(TestApplications.PROVIDER2_NUMBER, "取消済みサービス");
    String no = application.applicationNumber();
    ProcessInstance pi = instance(no, KEY);
    assertThat(pi).isWaitingAt("Task_EndRefused");
    assertThat(pi).variables().containsEntry(ApplicationProcess.REFUSAL_GROUND, true)
        .containsEntry(ApplicationProcess.REVOKED_ON, "2025-12-02");

    // The application ends in its own step; the notice follows in the next.
    executeJobAt(pi, "Task_EndRefused");
    assertThat(pi).isWaitingAt("Task_NotifyRefusal").hasNotPassed("Task_EndRenewalReviewRefused");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.REFUSED);
    assertThat(applications.get(no).closedReason()).isEqualTo("REFUSED_ART8");
    assertThat(notices.forApplication(no)).isEmpty();

    runDueJobs(no);
    assertThat(pi).isEnded().hasPassed("Task_NotifyRefusal", "End_Refused").hasNotPassed("Task_CheckCompleteness");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.REFUSED);
    var notice = notices.forApplication(no).get(0);
    assertThat(notice.kind()).isEqualTo("REFUSED_ART8");
    assertThat(notice.body()).contains("第8条").contains("2025-12-02");
  }

  @Test
  void onlyARevocationOfTheSameServiceBars() {
    clockAt(LocalDate.of(2026, 12, 1));
    insertRevoked(TestApplications.PROVIDER2_NUMBER, "別サービス", LocalDate.of(2026, 6, 1), 9003);
    jdbc.sql("UPDATE certification SET status = 'LAPSED' WHERE serial = 9003").update();
    insertRevoked(TestApplications.PROVIDER1_NUMBER, "同名サービス", LocalDate.of(2026, 6, 1), 9004);
    // Same name, other provider; same provider, lapsed (not revoked): neither bars.
    assertThat(instance(submitComplete(TestApplications.PROVIDER2_NUMBER, "同名サービス").applicationNumber(), KEY))
        .isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    assertThat(instance(submitComplete(TestApplications.PROVIDER2_NUMBER, "別サービス").applicationNumber(), KEY))
        .isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
  }

  @Test
  void doesNotRefuseWhenTheRevocationIsMoreThanAYearBack() {
    clockAt(LocalDate.of(2026, 12, 1));
    insertRevoked(TestApplications.PROVIDER2_NUMBER, "一年前に取消", LocalDate.of(2025, 12, 1), 9002);
    Application application = submitComplete(TestApplications.PROVIDER2_NUMBER, "一年前に取消");
    assertThat(instance(application.applicationNumber(), KEY)).isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
  }

  @Test
  void asksForSupplementAndContinuesWhenItArrives() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    clockAt(today);
    List<DisclosureValue> partial = TestApplications.fullDisclosure(catalogue).stream()
        .filter(v -> !v.itemId().equals("B-21")).toList();
    Application application = applicationService.submit(
        TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, "補正サービス", partial),
        TestApplications.registryCertificate(), List.of());
    String no = application.applicationNumber();
    ProcessInstance pi = instance(no, KEY);
    assertThat(pi).variables().containsEntry(ApplicationProcess.AUTO_COMPLETE, false);
    assertThat((String) runtimeService.getVariable(pi.getId(), ApplicationProcess.MISSING_ITEMS)).contains("B-21");
    // The card shows which case it is; the first check is due when the fee is.
    assertThat(pi).variables().containsEntry(ApplicationProcess.APPLICATION_KIND, "新規")
        .containsEntry(ApplicationProcess.APPLICATION_NUMBER, no)
        .containsEntry(ApplicationProcess.SERVICE_NAME, "補正サービス")
        .containsKey(ApplicationProcess.PROVIDER_NAME)
        .as("a new application has no renewal note").doesNotContainKey(ApplicationProcess.RENEWAL_NOTE);
    assertThat(task(no, "Task_CheckCompleteness").getDueDate())
        .isEqualTo(runtimeService.getVariable(pi.getId(), ApplicationProcess.FEE_DUE_AT))
        .isEqualTo(BusinessCalendar.endOf(application.feeDueOn()));

    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    assertThat(pi).hasPassed("Task_RequestSupplement").isWaitingAt("Gateway_AwaitSupplement");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);
    Job deadline = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId("Timer_SupplementDeadline").singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(BusinessCalendar.endOf(today.plusDays(30)));
    assertThat(notices.forApplication(no)).extracting(n -> n.kind()).contains("SUPPLEMENT_REQUESTED");

    assertThat(pi).variables().doesNotContainKey(ApplicationProcess.SUPPLEMENT_SUMMARY);
    applicationService.supplement(no, new ApplicationService.SupplementRequest("追記しました <b>",
        List.of(new DisclosureValue("B-21", "99.9%")), null), TestApplications.registryCertificate(), List.of());
    // The check of the supplement shows the request answered, the applicant's message, what is new.
    String summary = (String) runtimeService.getVariable(pi.getId(), ApplicationProcess.SUPPLEMENT_SUMMARY);
    assertThat(summary).startsWith("#### 補正の内容\n\n**補正依頼（2026年12月1日）**\n\n")
        .contains("\\- 必須の開示項目 B-21「").contains("**申請者からのメッセージ**\n\n追記しました \\<b\\>\n")
        .contains("**新たに提出された書類**\n\n- 登記事項証明書: touki\\.pdf\n")
        .endsWith("**補正された開示項目**: B-21");
    assertThat(pi).hasPassed("Event_SupplementReceived").isWaitingAt("Task_CheckCompleteness", "Task_AwaitFeePayment");
    // The check of the supplement is due when the supplement was.
    assertThat(task(no, "Task_CheckCompleteness").getDueDate()).isEqualTo(BusinessCalendar.endOf(today.plusDays(30)));
    assertThat(pi).variables().containsEntry(ApplicationProcess.AUTO_COMPLETE, true);
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.SUBMITTED);
  }

  @Test
  void staffMustSayWhatIsMissingWhenTheAutomaticCheckFoundNothing() {
    clockAt(LocalDate.of(2026, 12, 1));
    String no = submitComplete(TestApplications.PROVIDER1_NUMBER, "書類不備").applicationNumber();
    String taskId = task(no, "Task_CheckCompleteness").getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("補正依頼の内容");
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, false,
        ApplicationProcess.SUPPLEMENT_REQUEST, "登記事項証明書が3か月以内のものではありません。"));
    assertThat(instance(no, KEY)).isWaitingAt("Gateway_AwaitSupplement", "Task_AwaitFeePayment");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.SUPPLEMENT_REQUESTED);
  }

  @Test
  void closesTheApplicationWhenTheSupplementDeadlinePasses() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    clockAt(today);
    String no = submitComplete(TestApplications.PROVIDER1_NUMBER, "期限切れ").applicationNumber();
    applicationService.pay(no, new ApplicationService.PaymentRequest(100_000L, today, "PAID-IN-TIME"));
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, false,
        ApplicationProcess.SUPPLEMENT_REQUEST, "資料を追加してください"));
    ProcessInstance pi = instance(no, KEY);

    clockAt(today.plusDays(30).atTime(23, 59));
    runDueJobs(no);
    assertThat(pi).isWaitingAt("Gateway_AwaitSupplement");

    clockAt(today.plusDays(31).atTime(0, 1));
    executeJobAt(pi, "Timer_SupplementDeadline");
    executeJobAt(pi, "Task_CloseSupplementOverdue");
    // Ended by its own step, before and without the notice.
    assertThat(pi).isWaitingAt("Task_NotifySupplementOverdue");
    Application closed = applications.get(no);
    assertThat(closed.status()).isEqualTo(ApplicationStatus.CLOSED);
    assertThat(closed.closedReason()).isEqualTo("SUPPLEMENT_OVERDUE");
    assertThat(notices.forApplication(no)).extracting(n -> n.kind()).doesNotContain("CLOSED_SUPPLEMENT_OVERDUE");
    runDueJobs(no);
    assertThat(pi).isEnded().hasPassed("Timer_SupplementDeadline", "Task_CloseSupplementOverdue",
        "Task_NotifySupplementOverdue", "End_ClosedSupplementOverdue")
        .hasNotPassed("Task_EndRenewalReviewSupplement");
    assertThat(notices.forApplication(no)).extracting(n -> n.kind()).contains("CLOSED_SUPPLEMENT_OVERDUE");
    assertThatThrownBy(() -> applicationService.supplement(no,
        new ApplicationService.SupplementRequest("遅れました", null, null), TestApplications.registryCertificate(), List.of()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void remindsOfTheFeeThenClosesWhenItStaysUnpaid() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    clockAt(today);
    String no = submitComplete(TestApplications.PROVIDER1_NUMBER, "未納サービス").applicationNumber();
    ProcessInstance pi = instance(no, KEY);
    applicationService.pay(no, new ApplicationService.PaymentRequest(40_000L, today, "PART-1"));
    assertThat(pi).isWaitingAt("Task_AwaitFeePayment", "Task_CheckCompleteness");

    clockAt(today.plusDays(14).atTime(0, 0, 1));
    runDueJobs(no);
    assertThat(pi).hasPassed("Timer_FeeReminder", "Task_SendFeeReminder", "End_FeeReminderSent")
        .isWaitingAt("Task_AwaitFeePayment");
    assertThat(notices.forApplication(no)).filteredOn(n -> n.kind().equals("FEE_REMINDER")).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("100000").contains("40000"));

    clockAt(today.plusDays(31).atTime(0, 0, 1));
    runDueJobs(no);
    assertThat(pi).isEnded().hasPassed("Task_CloseFeeUnpaid", "Task_NotifyFeeUnpaid", "End_ClosedFeeUnpaid")
        .hasNotPassed("Task_EndRenewalReviewFee");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.CLOSED);
    assertThat(applications.get(no).closedReason()).isEqualTo("FEE_UNPAID");
    assertThat(notices.forApplication(no)).extracting(n -> n.kind()).contains("CLOSED_FEE_UNPAID");
    assertThatThrownBy(() -> applicationService.pay(no, new ApplicationService.PaymentRequest(60_000L,
        today.plusDays(31), "LATE"))).isInstanceOf(ConflictException.class);
  }

  @Test
  void notifiesNonCertificationWithReasons() {
    String no = reachDecision("不認定サービス", false);
    String taskId = task(no, "Task_DecideCertification").getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ApplicationProcess.DECISION, "REFUSE")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("理由");
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ApplicationProcess.DECISION, "MAYBE")))
        .isInstanceOf(ProcessEngineException.class);

    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "REFUSE",
        ApplicationProcess.DECISION_REASONS, "セキュリティ項目B-29が審査基準に適合しない"));
    assertThat(instance(no, KEY)).isNull();
    assertThat(passed(no, "Task_EndNotCertified")).isTrue();
    assertThat(passed(no, "Task_NotifyNotCertified")).isTrue();
    assertThat(passed(no, "End_NotCertified")).isTrue();
    assertThat(passed(no, "Task_EndRenewalReviewNotCertified")).isFalse();
    Application refused = applications.get(no);
    assertThat(refused.status()).isEqualTo(ApplicationStatus.NOT_CERTIFIED);
    assertThat(refused.decision()).isEqualTo("REFUSE");
    assertThat(notices.forApplication(no)).filteredOn(n -> n.kind().equals("NOT_CERTIFIED")).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("B-29").contains("第6条第4項").contains("返還されません"));
    assertThat(register.findByApplication(no)).isEmpty();
  }

  @Test
  void theDecisionEndsTheApplicationInItsOwnStepBeforeTheNotice() {
    String no = reachDecision("終了手順サービス", false);
    ProcessInstance pi = instance(no, KEY);
    taskService.complete(task(no, "Task_DecideCertification").getId(), Map.of(ApplicationProcess.DECISION, "REFUSE",
        ApplicationProcess.DECISION_REASONS, "基準に適合しない"));
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.DECIDED);
    runJobsUntil(pi, "Task_EndNotCertified");
    executeJobAt(pi, "Task_EndNotCertified");
    assertThat(pi).isWaitingAt("Task_NotifyNotCertified");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.NOT_CERTIFIED);
    assertThat(notices.forApplication(no)).extracting(n -> n.kind()).doesNotContain("NOT_CERTIFIED");
    runDueJobs(no);
    assertThat(pi).isEnded();
    assertThat(notices.forApplication(no)).extracting(n -> n.kind()).contains("NOT_CERTIFIED");
  }

  @Test
  void aRenewalNotCertifiedEndsItsRenewalReviewInItsOwnStep() {
    String certificationNumber = certified(TestApplications.PROVIDER2_NUMBER, "更新不認定の手順",
        LocalDate.of(2026, 12, 1));
    LocalDate inWindow = LocalDate.of(2028, 10, 2);
    clockAt(inWindow);
    String renewal = applicationService.submit(TestApplications.renewal(TestApplications.PROVIDER2_NUMBER,
        "更新不認定の手順", certificationNumber, TestApplications.fullDisclosure(catalogue)), List.of(), List.of())
        .applicationNumber();
    assertThat(instance(renewal, KEY)).variables().containsEntry(ApplicationProcess.APPLICATION_KIND, "更新")
        .containsEntry(ApplicationProcess.CERTIFICATION_NUMBER, certificationNumber);
    // Every form of the renewal says so: the certification renewed, its validity, the 第10条7 declaration.
    assertThat((String) runtimeService.getVariable(instance(renewal, KEY).getId(), ApplicationProcess.RENEWAL_NOTE))
        .isEqualTo("**更新申請です。** 認定番号 " + certificationNumber + " の更新（有効期間 2028年11月30日 まで）。\n"
            + "認定マークの使用に関する自己申告（第10条第7項）: 適正に使用している — "
            + "認定マークは運用規程第10条のとおり正しく使用してきました。");
    passCompletenessAndFee(renewal, inWindow);
    assertThat(register.find(certificationNumber).orElseThrow().renewalApplicationNumber()).isEqualTo(renewal);
    // 第12条: the review and the decision are due the day before the last day of validity (2028-11-30).
    Date dueBeforeLastDay = BusinessCalendar.endOf(LocalDate.of(2028, 11, 29));
    assertThat(register.find(certificationNumber).orElseThrow().validUntil()).isEqualTo(LocalDate.of(2028, 11, 30));
    assertThat(task(renewal, "Task_ReviewApplication").getDueDate()).isEqualTo(dueBeforeLastDay);
    // 「すべて適合（例外のみ外す）」 instead of ticking each item; the server records what it counted.
    String reviewId = task(renewal, "Task_ReviewApplication").getId();
    assertThatThrownBy(() -> taskService.complete(reviewId, Map.of("reviewResult", "CONFORMING",
        "reviewFindings", "適合", ApplicationProcess.ALL_CONFORMING, true,
        ApplicationProcess.CONFORMING_EXCEPTIONS, "B-01"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("未確認: B-01");
    complete(renewal, "Task_ReviewApplication", TestApplications.judged(Map.of("reviewResult", "CONFORMING", "reviewFindings", "適合",
        ApplicationProcess.ALL_CONFORMING, true)));
    assertThat(runtimeService.getVariable(instance(renewal, KEY).getId(), ApplicationProcess.CONFORMING_ITEMS)
        .toString()).contains("\"B-01\"").contains("\"B-02\"");
    assertThat(task(renewal, "Task_DecideCertification").getDueDate()).isEqualTo(dueBeforeLastDay);
    complete(renewal, "Task_DecideCertification", Map.of("decision", "REFUSE", "decisionReasons", "基準に適合しない"));
    assertThat(passed(renewal, "Task_EndNotCertified")).isTrue();
    assertThat(passed(renewal, "Task_EndRenewalReviewNotCertified")).isTrue();
    assertThat(passed(renewal, "Task_NotifyNotCertified")).isTrue();
    assertThat(applications.get(renewal).status()).isEqualTo(ApplicationStatus.NOT_CERTIFIED);
    assertThat(register.find(certificationNumber).orElseThrow().renewalApplicationNumber()).isNull();
  }

  /**
   * A renewal's inspection and committee (called processes) show its note at the top of their forms
   * and are due by its deadline (第12条: decided before the last day of validity, 2028-11-30); the
   * inspection report at the earlier of that and the end of the inspection day.
   */
  @Test
  void aRenewalsInspectionAndCommitteeShowItsNoteAndAreDueByItsDeadline() {
    String certificationNumber = certified(TestApplications.PROVIDER2_NUMBER, "更新の調査と委員会", LocalDate.of(2026, 12, 1));
    String renewal = renewalInWindow(TestApplications.PROVIDER2_NUMBER, "更新の調査と委員会", certificationNumber);
    String note = (String) runtimeService.getVariable(instance(renewal, KEY).getId(), ApplicationProcess.RENEWAL_NOTE);
    assertThat(note).startsWith("**更新申請です。** 認定番号 " + certificationNumber + " の更新");
    Date dueBeforeLastDay = BusinessCalendar.endOf(LocalDate.of(2028, 11, 29));
    passCompletenessAndFee(renewal, RENEWAL_DAY);
    complete(renewal, "Task_ReviewApplication", TestApplications.judged(Map.of("reviewResult", "CONFORMING",
        "reviewFindings", "適合", ApplicationProcess.ALL_CONFORMING, true,
        ApplicationProcess.INSPECTION_REQUIRED, true, ApplicationProcess.COMMITTEE_REQUIRED, true)));

    var schedule = task(renewal, "Task_ScheduleInspection");
    assertThat(schedule.getDueDate()).isEqualTo(dueBeforeLastDay);
    assertThat(taskService.getVariable(schedule.getId(), InspectionProcess.RENEWAL_NOTE)).isEqualTo(note);
    // Scheduled for the last day of validity: the renewal deadline (the day before) comes first.
    complete(renewal, "Task_ScheduleInspection", Map.of("inspectionDate", "2028-11-30", "inspectionLocation", "本社",
        "inspectors", "審査 花子"));
    var report = task(renewal, "Task_ReportInspection");
    assertThat(report.getDueDate()).isEqualTo(dueBeforeLastDay);
    assertThat(taskService.getVariable(report.getId(), InspectionProcess.RENEWAL_NOTE)).isEqualTo(note);
    clockAt(LocalDate.of(2028, 11, 30));
    complete(renewal, "Task_ReportInspection", Map.of("inspectionResult", "CONFORMING", "inspectionReport", "問題なし"));

    var opinions = taskService.createTaskQuery().processInstanceBusinessKey(renewal).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).isNotEmpty();
    for (var opinion : opinions) {
      assertThat(opinion.getDueDate()).as(opinion.getAssignee()).isEqualTo(dueBeforeLastDay);
      assertThat(taskService.getVariable(opinion.getId(), CommitteeProcess.RENEWAL_NOTE)).as(opinion.getAssignee()).isEqualTo(note);
      taskService.complete(opinion.getId(), Map.of("opinion", "FAVOURABLE", "opinionComment", "更新相当"));
    }
    runDueJobs(renewal);
    var consolidate = task(renewal, "Task_ConsolidateOpinions");
    assertThat(consolidate.getDueDate()).isEqualTo(dueBeforeLastDay);
    assertThat(taskService.getVariable(consolidate.getId(), CommitteeProcess.RENEWAL_NOTE)).isEqualTo(note);
  }

  @Test
  void aRenewalRefusedUnderArticle8EndsItsRenewalReviewInItsOwnStep() {
    String certificationNumber = certified(TestApplications.PROVIDER2_NUMBER, "更新第8条", LocalDate.of(2026, 12, 1));
    // The same provider's same service was revoked within the year before the renewal (第8条).
    insertRevoked(TestApplications.PROVIDER2_NUMBER, "更新第8条", LocalDate.of(2028, 1, 10), 9005);
    String renewal = renewalInWindow(TestApplications.PROVIDER2_NUMBER, "更新第8条", certificationNumber);
    ProcessInstance pi = instance(renewal, KEY);
    assertThat(pi).isWaitingAt("Task_EndRefused");
    runDueJobs(renewal);
    assertThat(passed(renewal, "Task_EndRefused")).isTrue();
    assertThat(passed(renewal, "Task_EndRenewalReviewRefused")).isTrue();
    assertThat(passed(renewal, "Task_NotifyRefusal")).isTrue();
    assertThat(applications.get(renewal).status()).isEqualTo(ApplicationStatus.REFUSED);
    assertThat(register.find(certificationNumber).orElseThrow().renewalApplicationNumber()).isNull();
  }

  @Test
  void aRenewalClosedForAMissedSupplementEndsItsRenewalReviewInItsOwnStep() {
    String certificationNumber = certified(TestApplications.PROVIDER2_NUMBER, "更新補正切れ", LocalDate.of(2026, 12, 1));
    String renewal = renewalInWindow(TestApplications.PROVIDER2_NUMBER, "更新補正切れ", certificationNumber);
    applicationService.pay(renewal, new ApplicationService.PaymentRequest(100_000L, RENEWAL_DAY, "PAY-" + renewal));
    complete(renewal, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, false,
        ApplicationProcess.SUPPLEMENT_REQUEST, "資料を追加してください"));
    assertThat(register.find(certificationNumber).orElseThrow().renewalApplicationNumber()).isEqualTo(renewal);
    clockAt(RENEWAL_DAY.plusDays(31).atTime(0, 1));
    runDueJobs(renewal);
    assertThat(passed(renewal, "Task_CloseSupplementOverdue")).isTrue();
    assertThat(passed(renewal, "Task_EndRenewalReviewSupplement")).isTrue();
    assertThat(passed(renewal, "Task_NotifySupplementOverdue")).isTrue();
    assertThat(applications.get(renewal).closedReason()).isEqualTo("SUPPLEMENT_OVERDUE");
    assertThat(register.find(certificationNumber).orElseThrow().renewalApplicationNumber()).isNull();
  }

  @Test
  void aRenewalClosedForAnUnpaidFeeEndsItsRenewalReviewInItsOwnStep() {
    String certificationNumber = certified(TestApplications.PROVIDER2_NUMBER, "更新手数料未納", LocalDate.of(2026, 12, 1));
    String renewal = renewalInWindow(TestApplications.PROVIDER2_NUMBER, "更新手数料未納", certificationNumber);
    assertThat(register.find(certificationNumber).orElseThrow().renewalApplicationNumber()).isEqualTo(renewal);
    clockAt(RENEWAL_DAY.plusDays(31).atTime(0, 1));
    runDueJobs(renewal);
    assertThat(passed(renewal, "Task_CloseFeeUnpaid")).isTrue();
    assertThat(passed(renewal, "Task_EndRenewalReviewFee")).isTrue();
    assertThat(passed(renewal, "Task_NotifyFeeUnpaid")).isTrue();
    assertThat(applications.get(renewal).closedReason()).isEqualTo("FEE_UNPAID");
    assertThat(register.find(certificationNumber).orElseThrow().renewalApplicationNumber()).isNull();
  }

  /** A day inside the renewal window of a certification made on 2026-12-01. */
  private static final LocalDate RENEWAL_DAY = LocalDate.of(2028, 10, 2);

  private String renewalInWindow(String corporateNumber, String serviceName, String certificationNumber) {
    clockAt(RENEWAL_DAY);
    return applicationService.submit(TestApplications.renewal(corporateNumber, serviceName, certificationNumber,
        TestApplications.fullDisclosure(catalogue)), List.of(), List.of()).applicationNumber();
  }

  /** An application asking to withhold B-09 and B-10 (第11条2), at its review. */
  private String reachReviewWithTwoRequests(String serviceName) {
    LocalDate today = LocalDate.of(2026, 12, 1);
    clockAt(today);
    ApplicationRequest base = TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, serviceName,
        TestApplications.fullDisclosure(catalogue));
    String no = applicationService.submit(new ApplicationRequest(base.type(), null, base.channel(), base.provider(),
        base.contact(), base.service(), base.disclosure(), List.of(
            new ApplicationRequest.WithheldItem("B-09", "非上場のため売上高は公表を控えたい"),
            new ApplicationRequest.WithheldItem("B-10", "経常利益は競争上の秘密")), null, null),
        TestApplications.registryCertificate(), List.of()).applicationNumber();
    passCompletenessAndFee(no, today);
    assertThat(instance(no, KEY)).isWaitingAt("Task_ReviewApplication");
    return no;
  }

  private static final Map<String, Object> CONFORMING_REVIEW = Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
      ApplicationProcess.REVIEW_FINDINGS, "適合", ApplicationProcess.ALL_CONFORMING, true);

  private static Map<String, Object> review(String accepted, String rejections) {
    Map<String, Object> review = new HashMap<>(CONFORMING_REVIEW);
    review.put(ApplicationProcess.WITHHOLDING_ACCEPTED, accepted);
    review.put(ApplicationProcess.WITHHOLDING_REJECTIONS, rejections);
    return review;
  }

  @Test
  void onlyAcceptedWithholdingRequestsAreWithheldAndTheNoticeSaysWhich() {
    String no = reachReviewWithTwoRequests("留保判断");
    String pi = instance(no, KEY).getId();
    // The form offers the stored requests and shows each with its definition and the applicant's reason.
    assertThat(runtimeService.getVariable(pi, ApplicationProcess.WITHHOLDING_REQUESTS).toString())
        .contains("\"value\":\"B-09\"").contains("\"label\":\"B-09 売上高\"").contains("\"value\":\"B-10\"");
    assertThat((String) runtimeService.getVariable(pi, ApplicationProcess.WITHHOLDING_SUMMARY))
        .contains("- **B-10 経常利益**\n  - 項目の定義: 直近の事業年度の経常利益\n  - 申出の理由: 経常利益は競争上の秘密")
        .doesNotContain("受理").doesNotContain("却下");
    String reviewId = task(no, "Task_ReviewApplication").getId();
    // Nothing judged, a rejection without a reason, an item never requested: refused, nothing recorded.
    assertThatThrownBy(() -> taskService.complete(reviewId, CONFORMING_REVIEW))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("項目「B-09」の公表の留保の申出は、受理するならチェックし");
    assertThatThrownBy(() -> taskService.complete(reviewId, review("B-09", "B-10:")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「B-10: 理由」の形で却下の理由を記入してください");
    assertThatThrownBy(() -> taskService.complete(reviewId, review("B-09,B-10,B-11", null)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("項目「B-11」について公表の留保の申出はありません");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM withholding_judgement WHERE application_number = ?").param(no)
        .query(Integer.class).single()).as("a refused completion records nothing").isZero();

    taskService.claim(reviewId, "reviewer1");
    complete(no, "Task_ReviewApplication", review("B-09", "B-10: 経常利益は決算公告で公表済み"));
    assertThat(jdbc.sql("""
        SELECT item_id || ':' || CASE WHEN accepted THEN 'accepted' ELSE 'rejected' END || ':'
          || COALESCE(rejection_reason, '-') || ':' || judged_by
        FROM withholding_judgement WHERE application_number = ? ORDER BY item_id""").param(no).query(String.class).list())
        .containsExactly("B-09:accepted:-:reviewer1", "B-10:rejected:経常利益は決算公告で公表済み:reviewer1");
    // The manager's decision form shows the judgements.
    assertThat((String) runtimeService.getVariable(pi, ApplicationProcess.WITHHOLDING_SUMMARY))
        .contains("- **B-09 売上高** — 受理（公表を留保）")
        .contains("- **B-10 経常利益** — 却下（公表する）。却下の理由: 経常利益は決算公告で公表済み");

    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "CERTIFY",
        ApplicationProcess.DECISION_REASONS, "審査基準に適合"));
    var certification = register.find(applications.get(no).certificationNumber()).orElseThrow();
    assertThat(certification.withheldJson()).contains("B-09").doesNotContain("B-10");
    assertThat(published.items(certification)).extracting(PublishedDisclosure.Item::itemId)
        .contains("B-10").doesNotContain("B-09");
    String notice = notices.forApplication(no).stream().filter(n -> n.kind().equals("CERTIFIED")).findFirst()
        .orElseThrow().body();
    assertThat(notice).contains("公表の留保の申出（第11条第2項）に対する判断:\n"
        + "- B-09 売上高: 受理しました（公表しません）\n"
        + "- B-10 経常利益: 却下しました（公表します）。理由: 経常利益は決算公告で公表済み");
  }

  @Test
  void theRefusalNoticeSaysHowTheRequestsWereJudged() {
    String no = reachReviewWithTwoRequests("留保判断不認定");
    complete(no, "Task_ReviewApplication", review("B-10", "B-09: 売上高は有価証券報告書で公表済み"));
    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "REFUSE",
        ApplicationProcess.DECISION_REASONS, "基準に適合しない"));
    String notice = notices.forApplication(no).stream().filter(n -> n.kind().equals("NOT_CERTIFIED")).findFirst()
        .orElseThrow().body();
    assertThat(notice).contains("- B-09 売上高: 却下しました。理由: 売上高は有価証券報告書で公表済み\n"
        + "- B-10 経常利益: 受理しました\n").doesNotContain("\n\n\n");
  }

  @Test
  void withoutRequestsTheReviewAsksNothingAboutWithholding() {
    LocalDate today = LocalDate.of(2026, 12, 1);
    clockAt(today);
    ApplicationRequest base = TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, "留保申出なし",
        TestApplications.fullDisclosure(catalogue));
    String no = applicationService.submit(new ApplicationRequest(base.type(), null, base.channel(), base.provider(),
        base.contact(), base.service(), base.disclosure(), List.of(), null, null),
        TestApplications.registryCertificate(), List.of()).applicationNumber();
    passCompletenessAndFee(no, today);
    String pi = instance(no, KEY).getId();
    assertThat(runtimeService.getVariable(pi, ApplicationProcess.WITHHOLDING_REQUESTS)).isNull();
    complete(no, "Task_ReviewApplication", CONFORMING_REVIEW);
    assertThat(runtimeService.getVariable(pi, ApplicationProcess.WITHHOLDING_SUMMARY)).isNull();
    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "CERTIFY",
        ApplicationProcess.DECISION_REASONS, "審査基準に適合"));
    assertThat(notices.forApplication(no).stream().filter(n -> n.kind().equals("CERTIFIED")).findFirst()
        .orElseThrow().body()).doesNotContain("公表の留保").doesNotContain("\n\n\n");
  }

  /**
   * A review opened under an earlier deployment, whose form asks nothing about withholding, still
   * completes; its requests stay withheld as before (a published item cannot be taken back).
   */
  @Test
  void aReviewUnderAnEarlierFormLeavesItsRequestsWithheld() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode form = (ObjectNode) mapper.readTree(new ClassPathResource("forms/form-review-application.form")
        .getInputStream());
    ArrayNode components = (ArrayNode) form.get("components");
    for (int i = components.size() - 1; i >= 0; i--) {
      if (components.get(i).path("id").asText().contains("ithholding")) {
        components.remove(i);
      }
    }
    DeploymentBuilder earlier = repositoryService.createDeployment().name("earlier review form")
        .addInputStream("bpmn/certification-application.bpmn",
            new ClassPathResource("bpmn/certification-application.bpmn").getInputStream())
        .addString("forms/form-review-application.form", mapper.writeValueAsString(form));
    for (Resource other : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      if (!"form-review-application.form".equals(other.getFilename())) {
        earlier.addInputStream("forms/" + other.getFilename(), other.getInputStream());
      }
    }
    Deployment deployment = earlier.deploy();
    try {
      String no = reachReview("旧フォーム審査");
      assertThat(repositoryService.getProcessDefinition(instance(no, KEY).getProcessDefinitionId()).getDeploymentId())
          .isEqualTo(deployment.getId());
      complete(no, "Task_ReviewApplication", CONFORMING_REVIEW);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM withholding_judgement WHERE application_number = ?").param(no)
          .query(Integer.class).single()).isZero();
      complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "CERTIFY",
          ApplicationProcess.DECISION_REASONS, "審査基準に適合"));
      assertThat(register.find(applications.get(no).certificationNumber()).orElseThrow().withheldJson())
          .contains(TestApplications.WITHHELD_ITEM);
      assertThat(notices.forApplication(no).stream().filter(n -> n.kind().equals("CERTIFIED")).findFirst()
          .orElseThrow().body()).contains("- B-09 売上高: 公表を留保します");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void reviewNeedsAResultAndFindings() {
    String no = reachReview("審査必須項目");
    String taskId = task(no, "Task_ReviewApplication").getId();
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("所見");
    // Conforming needs every mandatory item checked.
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "適合", ApplicationProcess.CONFORMING_ITEMS, List.of("B-01", "B-02"))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("B-03");
    // Without the two flags (a REST client may leave them out) there is neither inspection nor committee.
    complete(no, "Task_ReviewApplication", TestApplications.judged(Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "適合", ApplicationProcess.CONFORMING_ITEMS, String.join(",", allItems()))));
    assertThat(instance(no, KEY)).isWaitingAt("Task_DecideCertification")
        .hasNotPassed("CallActivity_OnSiteInspection", "CallActivity_CommitteeReview");
  }

  @Test
  void aNonConformingReviewNamesKnownItems() {
    String no = reachReview("不適合項目");
    String taskId = task(no, "Task_ReviewApplication").getId();
    Map<String, Object> review = new HashMap<>(Map.of(ApplicationProcess.REVIEW_RESULT, "NON_CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "セキュリティ項目に不備"));
    assertThatThrownBy(() -> taskService.complete(taskId, review)).hasMessageContaining("項目ID");
    review.put(ApplicationProcess.NON_CONFORMING_ITEMS, "B-29, Z-99");
    assertThatThrownBy(() -> taskService.complete(taskId, review)).hasMessageContaining("Z-99");
    review.put(ApplicationProcess.NON_CONFORMING_ITEMS, "B-29、B-30");
    review.put(ApplicationProcess.REVIEW_FINDINGS, "x".repeat(3001));
    assertThatThrownBy(() -> taskService.complete(taskId, review)).hasMessageContaining("3000");
    review.put(ApplicationProcess.REVIEW_FINDINGS, "セキュリティ項目に不備");
    complete(no, "Task_ReviewApplication", TestApplications.judged(review));
    assertThat(instance(no, KEY)).isWaitingAt("Task_DecideCertification");

    // 第6条1: certifying against the 不適合 review needs the manager's reason, recorded with the decision.
    String decisionId = task(no, "Task_DecideCertification").getId();
    String instanceId = instance(no, KEY).getId();
    assertThatThrownBy(() -> taskService.complete(decisionId, Map.of(ApplicationProcess.DECISION, "CERTIFY")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("第6条第1項");
    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "CERTIFY",
        ApplicationProcess.NON_CONFORMITY_OVERRIDE, "B-29・B-30は実地調査で是正を確認した"));
    Application decided = applications.get(no);
    assertThat(decided.decision()).isEqualTo("CERTIFY");
    assertThat(decided.decisionOverrideReason()).isEqualTo("B-29・B-30は実地調査で是正を確認した");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName(ApplicationProcess.NON_CONFORMITY_OVERRIDE).singleResult().getValue())
        .isEqualTo("B-29・B-30は実地調査で是正を確認した");
  }

  @Test
  void withdrawalDuringTheCommitteeCancelsItsTasks() {
    String no = reachDecisionThroughCommittee("委員会中取下げ");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_GiveOpinion").count())
        .isEqualTo(2);
    applicationService.withdraw(no, "取り下げます");
    runDueJobs(no);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).count()).isZero();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).count()).isZero();
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
  }

  @Test
  void anOpinionTaskCannotBeHandedToAMemberWithAnInterest() {
    String no = reachDecisionThroughCommittee("委員付替え");
    var opinion = taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_GiveOpinion")
        .taskAssignee("committee1").singleResult();
    assertThatThrownBy(() -> taskService.setAssignee(opinion.getId(), "committee3"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("選任された委員");
    assertThatThrownBy(() -> taskService.setAssignee(opinion.getId(), "staff1")).isInstanceOf(ProcessEngineException.class);
    assertThat(taskService.createTaskQuery().taskId(opinion.getId()).singleResult().getAssignee()).isEqualTo("committee1");
  }

  private String reachDecisionThroughCommittee(String serviceName) {
    String no = reachReview(serviceName);
    complete(no, "Task_ReviewApplication", TestApplications.judged(Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "適合", ApplicationProcess.CONFORMING_ITEMS, allItems(),
        ApplicationProcess.COMMITTEE_REQUIRED, true)));
    return no;
  }

  @Test
  void withdrawalEndsTheApplicationBeforeTheDecision() {
    String no = reachReview("取下げサービス");
    ProcessInstance pi = instance(no, KEY);
    applicationService.withdraw(no, "事業方針の変更");
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    runDueJobs(no);
    assertThat(pi).isEnded().hasPassed("Start_WithdrawalRequested", "Task_NotifyWithdrawn", "End_Withdrawn")
        .hasNotPassed("Task_DecideCertification");
    assertThat(notices.forApplication(no)).filteredOn(n -> n.kind().equals("WITHDRAWN")).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("返還されません"));
    assertThatThrownBy(() -> applicationService.withdraw(no, null)).isInstanceOf(ConflictException.class);
  }

  @Test
  void withdrawalIsRefusedOnceDecided() {
    String no = reachDecision("決定後取下げ", false);
    taskService.complete(task(no, "Task_DecideCertification").getId(), Map.of(ApplicationProcess.DECISION, "CERTIFY"));
    // The decision is recorded with the completion; the certification jobs have not run yet.
    assertThatThrownBy(() -> applicationService.withdraw(no, "やはり取り下げたい"))
        .isInstanceOf(ConflictException.class).hasMessageContaining("決定");
    runDueJobs(no);
    assertThat(applications.get(no).status()).isEqualTo(ApplicationStatus.CERTIFIED);
  }

  @Test
  void certificationNumbersAreSerial() {
    String first = certify("連番サービス1");
    String second = certify("連番サービス2");
    int a = Integer.parseInt(first.substring(4, first.indexOf('-')));
    int b = Integer.parseInt(second.substring(4, second.indexOf('-')));
    assertThat(b).isEqualTo(a + 1);
  }

  private String certify(String serviceName) {
    String no = reachDecision(serviceName, false);
    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "CERTIFY"));
    return applications.get(no).certificationNumber();
  }

  private String reachReview(String serviceName) {
    LocalDate today = LocalDate.of(2026, 12, 1);
    clockAt(today);
    String no = submitComplete(TestApplications.PROVIDER1_NUMBER, serviceName).applicationNumber();
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    applicationService.pay(no, new ApplicationService.PaymentRequest(100_000L, today, "PAY-" + serviceName));
    assertThat(instance(no, KEY)).isWaitingAt("Task_ReviewApplication");
    return no;
  }

  private String reachDecision(String serviceName, boolean committee) {
    String no = reachReview(serviceName);
    Map<String, Object> review = new HashMap<>(Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "適合", ApplicationProcess.CONFORMING_ITEMS, allItems(),
        ApplicationProcess.INSPECTION_REQUIRED, false,
        ApplicationProcess.COMMITTEE_REQUIRED, committee));
    complete(no, "Task_ReviewApplication", TestApplications.judged(review));
    return no;
  }

  /** Executes the one job waiting at the activity (an asynchronous continuation or a timer). */
  private void executeJobAt(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  /** Runs the instance's jobs one by one until one waits at the activity. */
  private void runJobsUntil(ProcessInstance pi, String activityId) {
    for (int i = 0; i < 20; i++) {
      if (managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).count() > 0) {
        return;
      }
      managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).list().get(0).getId());
    }
    throw new AssertionError("No job reached " + activityId);
  }

  private boolean passed(String businessKey, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().activityId(activityId).finished().list().stream()
        .anyMatch(a -> businessKey.equals(historyService.createHistoricProcessInstanceQuery()
            .processInstanceId(a.getProcessInstanceId()).singleResult().getBusinessKey()));
  }

  private List<String> allItems() {
    return new ArrayList<>(catalogue.all().stream().map(i -> i.itemId()).toList());
  }

  private void insertRevoked(String corporateNumber, String serviceName, LocalDate revokedOn, int serial) {
    jdbc.sql("""
        INSERT INTO certification (certification_number, serial, corporate_number, provider_name, service_name, status,
          first_certified_on, certified_on, valid_until, disclosure_json, withheld_json, ended_on)
        VALUES (?, ?, ?, '株式会社テスト', ?, 'REVOKED', ?, ?, ?, '[]', '[]', ?)""")
        .params("IoT " + serial + "-2401", serial, corporateNumber, serviceName, LocalDate.of(2024, 1, 10),
            LocalDate.of(2024, 1, 10), LocalDate.of(2026, 1, 9), revokedOn)
        .update();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
