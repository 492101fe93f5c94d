package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.certification.CertificationProcess;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.oversight.InvestigationProcess;
import jp.iotcert.oversight.Investigations;
import jp.iotcert.oversight.RevocationFacts;
import jp.iotcert.oversight.RevocationProcess;
import jp.iotcert.oversight.Revocations;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rule broken by a form submission is an answer to the user, not a server error
 * (config/FormRuleAnswers, config/FormRuleRestAnswers): engine REST answers 400 with only the rule's
 * Japanese sentence as message, the task stays open, and nothing is logged at ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class FormRuleAnswersApiTest extends ApiTestBase {

  private static final String REASONS_REQUIRED = "認定しない場合は、その理由を記入してください（第6条第4項）。";

  @Autowired TaskService taskService;
  @Autowired CertificationService certifications;
  @Autowired Investigations investigations;
  @Autowired TransactionTemplate transactions;
  @Autowired Revocations revocations;
  @Autowired CertificationRegister register;

  @Test
  void aRefusalWithoutReasonsIsAnsweredWithTheRuleOnly(CapturedOutput output) {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "フォーム規則サービス");
    String decision = atDecision(no);
    int before = output.getAll().length();

    Map<String, Object> refuse = Map.of("variables", Map.of(ApplicationProcess.DECISION, Map.of("value",
        ApplicationProcess.DECISION_REFUSE)));
    for (String endpoint : new String[] {"submit-form", "complete"}) {
      ResponseEntity<JsonNode> answer = postJson("manager1", "/engine-rest/task/" + decision + "/" + endpoint, refuse);
      assertThat(answer.getStatusCode().value()).as(endpoint).isEqualTo(400);
      assertThat(answer.getBody().get("message").asText()).as(endpoint).isEqualTo(REASONS_REQUIRED);
      assertThat(answer.getBody().toString()).as(endpoint).doesNotContain("ENGINE-").doesNotContain("Cannot");
    }
    // The task is still open and nothing was recorded.
    assertThat(taskService.createTaskQuery().taskId(decision).count()).isOne();
    assertThat(taskService.getVariable(decision, ApplicationProcess.DECISION)).isNull();
    assertThat(get("staff1", "/api/applications/" + no).getBody().get("status").asText()).isNotIn("NOT_CERTIFIED",
        "CERTIFIED");

    String logged = output.getAll().substring(before);
    assertThat(logged.lines().filter(line -> line.matches(".*\\bERROR\\b.*")).toList())
        .as("log lines at ERROR for a form rule").isEmpty();
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-03051");

    // Corrected, the same form completes the task.
    ResponseEntity<JsonNode> decided = postJson("manager1", "/engine-rest/task/" + decision + "/submit-form",
        Map.of("variables", Map.of(ApplicationProcess.DECISION, Map.of("value", ApplicationProcess.DECISION_REFUSE),
            ApplicationProcess.DECISION_REASONS, Map.of("value", "審査基準に適合しない項目がある"))));
    assertThat(decided.getStatusCode().value()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(decision).count()).isZero();
  }

  /**
   * A case started by staff from Tasklist's start form (oversight/TasklistStart) that breaks a rule is
   * refused the same way: 400 with the Japanese sentence alone, nothing started, nothing at ERROR.
   */
  @Test
  void aStartFormBreakingARuleIsAnsweredWithTheRuleOnly(CapturedOutput output) {
    String applicationNumber = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "開始フォーム規則サービス");
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    String no = transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(
        applicationNumber, TestApplications.PROVIDER1_NUMBER, "株式会社テスト", "開始フォーム規則サービス", "説明", null,
        today, today, json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]")))
        .certificationNumber();
    int before = output.getAll().length();
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(InvestigationProcess.KEY).count();

    Map<String, String> refusals = Map.of(
        "IoT 9999-9999", "認定番号「IoT 9999-9999」の認定はありません。",
        no, "調査の開始に1件の誤りがあります。 提出期限は明日以降の日付です");
    refusals.forEach((number, sentence) -> {
      ResponseEntity<JsonNode> answer = postJson("staff1",
          "/engine-rest/process-definition/key/" + InvestigationProcess.KEY + "/submit-form",
          Map.of("variables", startForm(number, today.minusDays(1))));
      assertThat(answer.getStatusCode().value()).as(number).isEqualTo(400);
      assertThat(answer.getBody().get("message").asText()).as(number).isEqualTo(sentence);
      assertThat(answer.getBody().toString()).as(number).doesNotContain("ENGINE-").doesNotContain("Cannot");
    });
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(InvestigationProcess.KEY).count())
        .isEqualTo(instances);
    assertThat(investigations.of(no)).isEmpty();

    String logged = output.getAll().substring(before);
    assertThat(logged.lines().filter(line -> line.matches(".*\\bERROR\\b.*")).toList())
        .as("log lines at ERROR for a start form's rule").isEmpty();
    assertThat(logged).doesNotContain("ENGINE-16004");

    // Corrected, the same form starts the case.
    ResponseEntity<JsonNode> started = postJson("staff1",
        "/engine-rest/process-definition/key/" + InvestigationProcess.KEY + "/submit-form",
        Map.of("variables", startForm(no, today.plusDays(14))));
    assertThat(started.getStatusCode().value()).isEqualTo(200);
    assertThat(investigations.of(no)).hasSize(1);
  }

  private static Map<String, Object> startForm(String certificationNumber, LocalDate deadline) {
    return Map.of(
        InvestigationProcess.CERTIFICATION_NUMBER, Map.of("value", certificationNumber),
        InvestigationProcess.SCOPE_OPERATIONS, Map.of("value", true),
        InvestigationProcess.INVESTIGATION_REASON, Map.of("value", "利用者からの苦情"),
        InvestigationProcess.INVESTIGATION_REQUEST, Map.of("value", "運用手順書"),
        InvestigationProcess.INVESTIGATION_DEADLINE, Map.of("value", deadline.toString()));
  }

  /**
   * 「認定証の返納を確認する」 checks the day of receipt on completion (CertificateReturnConfirmedListener):
   * an unreadable or future day sent through engine REST is answered 400 with the sentence alone and
   * leaves the task open, instead of failing the job after it as an incident.
   */
  @Test
  void anUnreadableOrFutureDayOfReceiptIsAnsweredWithTheRuleOnly(CapturedOutput output) {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    String applicationNumber = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "返納日規則サービス");
    String no = transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(
        applicationNumber, TestApplications.PROVIDER1_NUMBER, "株式会社テスト", "返納日規則サービス", "説明", null,
        today.minusDays(10), today.minusDays(10), json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(),
        "[]"))).certificationNumber();
    transactions.executeWithoutResult(s -> revocations.open(register.find(no).orElseThrow(),
        new RevocationFacts(false, false, true, false, false, false, true, false, false), "認定マークの不正使用", "staff1"));
    runJobs(no);
    taskService.complete(task(no, "Task_DecideRevocation").getId(), Map.of(RevocationProcess.DECISION, "REVOKE",
        RevocationProcess.REASONS, "認定マークを認定外のサービスに使用した"));
    runJobs(no);
    String confirm = task(no, "Task_ConfirmCertificateReturn").getId();
    int before = output.getAll().length();

    Map<String, String> refusals = Map.of(
        "来週の金曜日", "日付を読み取れません。2026-12-10 のように年・月・日で入力してください。",
        today.plusDays(1).toString(), "認定証を受領した日に未来の日付は指定できません。");
    refusals.forEach((value, sentence) -> {
      for (String endpoint : new String[] {"submit-form", "complete"}) {
        ResponseEntity<JsonNode> answer = postJson("staff1", "/engine-rest/task/" + confirm + "/" + endpoint,
            Map.of("variables", Map.of(CertificationProcess.CERTIFICATE_RETURNED_ON, Map.of("value", value))));
        assertThat(answer.getStatusCode().value()).as(value + " " + endpoint).isEqualTo(400);
        assertThat(answer.getBody().get("message").asText()).as(value + " " + endpoint).isEqualTo(sentence);
        assertThat(answer.getBody().toString()).doesNotContain("ENGINE-").doesNotContain("Cannot");
      }
    });
    assertThat(taskService.createTaskQuery().taskId(confirm).count()).isOne();
    for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).list()) {
      assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).withException().count())
          .as("no failed job, no incident").isZero();
    }
    assertThat(output.getAll().substring(before).lines().filter(line -> line.matches(".*\\bERROR\\b.*")).toList())
        .as("log lines at ERROR for a form rule").isEmpty();

    // Today's date is recorded.
    ResponseEntity<JsonNode> confirmed = postJson("staff1", "/engine-rest/task/" + confirm + "/submit-form",
        Map.of("variables", Map.of(CertificationProcess.CERTIFICATE_RETURNED_ON, Map.of("value", today.toString()))));
    assertThat(confirmed.getStatusCode().value()).isEqualTo(204);
    runJobs(no);
    assertThat(register.certificateOutstanding(no)).isFalse();
  }

  /** Other failures keep engine REST's usual answer: the mapper only answers form rules. */
  @Test
  void otherRestErrorsKeepTheirAnswer() {
    ResponseEntity<JsonNode> answer = postJson("manager1", "/engine-rest/task/no-such-task/submit-form",
        Map.of("variables", Map.of()));
    assertThat(answer.getStatusCode().value()).isNotEqualTo(400).isGreaterThanOrEqualTo(400);
    assertThat(answer.getBody().get("message").asText()).contains("no-such-task");
  }

  private Task task(String businessKey, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
  }

  /** Completeness, fee and a conforming review, as the people would; returns the decision task's id. */
  private String atDecision(String no) {
    runJobs(no);
    taskService.complete(task(no, "Task_CheckCompleteness").getId(), Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    String today = LocalDate.now(BusinessCalendar.ZONE).toString();
    assertThat(postJson("staff1", "/api/applications/" + no + "/payments",
        Map.of("amount", 100000, "paidOn", today, "reference", "PAY-" + no)).getStatusCode().value()).isEqualTo(201);
    runJobs(no);
    Map<String, Object> review = new HashMap<>(Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "適合",
        ApplicationProcess.CONFORMING_ITEMS, catalogue.all().stream().map(i -> i.itemId()).toList()));
    taskService.complete(task(no, "Task_ReviewApplication").getId(), TestApplications.judged(review));
    runJobs(no);
    return task(no, "Task_DecideCertification").getId();
  }
}
