package jp.iotcert.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.api.ApiTestBase;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8, findings 1-4 and 12: what a logged-in user can do through /engine-rest beyond the process
 * and its forms, over real HTTP against the running application.
 */
class EngineGuardApiTest extends ApiTestBase {

  private static final String P1 = TestApplications.PROVIDER1_NUMBER;
  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  // Finding 1 ------------------------------------------------------------------------------------

  @Test
  void theManagersDecisionCertifiesTheApplicationItWasMadeOn() {
    String reviewed = submitted("provider1", P1, "審査済みサービス");
    String other = submitted("provider2", P2, "未審査サービス");
    runJobs(other);
    String decision = atDecision(reviewed);

    // The attack: the case's identity rewritten on the task the manager holds.
    ResponseEntity<JsonNode> rewrite = call("manager1", HttpMethod.PUT,
        "/engine-rest/task/" + decision + "/variables/applicationNumber",
        Map.of("value", other, "type", "String"), MediaType.APPLICATION_JSON);
    assertThat(rewrite.getStatusCode().value()).isEqualTo(403);
    assertThat(rewrite.getBody().get("message").asText()).contains("権限がありません");
    // Nor through the instance, in bulk, or smuggled into the completion.
    String instance = taskService.createTaskQuery().taskId(decision).singleResult().getProcessInstanceId();
    assertThat(postJson("manager1", "/engine-rest/process-instance/" + instance + "/variables",
        Map.of("modifications", Map.of("applicationNumber", Map.of("value", other)))).getStatusCode().value())
        .isEqualTo(403);
    assertThat(postJson("manager1", "/engine-rest/task/" + decision + "/variables",
        Map.of("modifications", Map.of("applicationNumber", Map.of("value", other)))).getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<JsonNode> smuggled = postJson("manager1", "/engine-rest/task/" + decision + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "CERTIFY"), "decisionReasons", Map.of("value", "適合"),
            "applicationNumber", Map.of("value", other))));
    assertThat(smuggled.getStatusCode().value()).isEqualTo(403);
    assertThat(smuggled.getBody().get("message").asText()).contains("applicationNumber");
    ResponseEntity<JsonNode> objectValue = postJson("manager1", "/engine-rest/task/" + decision + "/complete",
        Map.of("variables", Map.of("decision", Map.of("type", "Object", "value", "\"CERTIFY\"", "valueInfo",
            Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/json")))));
    assertThat(objectValue.getStatusCode().value()).isEqualTo(403);
    assertThat(objectValue.getBody().get("message").asText()).contains("値の型");
    assertThat(runtimeService.getVariable(instance, ApplicationProcess.APPLICATION_NUMBER)).isEqualTo(reviewed);

    // The legitimate path: the form's own fields, as Tasklist submits them.
    ResponseEntity<JsonNode> decided = postJson("manager1", "/engine-rest/task/" + decision + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "CERTIFY"), "decisionReasons", Map.of("value", "基準に適合"))));
    assertThat(decided.getStatusCode().value()).isEqualTo(204);
    runJobs(reviewed);
    assertThat(get("staff1", "/api/applications/" + reviewed).getBody().get("status").asText()).isEqualTo("CERTIFIED");
    assertThat(get("staff1", "/api/applications/" + other).getBody().get("status").asText()).isNotEqualTo("CERTIFIED");
  }

  @Test
  void theCodeTakesTheCaseFromTheBusinessKeyEvenIfTheVariableIsRewritten() {
    String reviewed = submitted("provider1", P1, "業務キー審査済み");
    String other = submitted("provider2", P2, "業務キー未審査");
    runJobs(other);
    String decision = atDecision(reviewed);
    // An administrator passes the guard; a variable is still only what the forms show.
    assertThat(call("demo", HttpMethod.PUT, "/engine-rest/task/" + decision + "/variables/applicationNumber",
        Map.of("value", other, "type", "String"), MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(204);
    assertThat(postJson("manager1", "/engine-rest/task/" + decision + "/submit-form",
        Map.of("variables", Map.of("decision", Map.of("value", "CERTIFY"), "decisionReasons", Map.of("value", "適合"))))
        .getStatusCode().value()).isEqualTo(204);
    runJobs(reviewed);
    assertThat(get("staff1", "/api/applications/" + reviewed).getBody().get("status").asText()).isEqualTo("CERTIFIED");
    assertThat(get("staff1", "/api/applications/" + other).getBody().get("status").asText()).isNotEqualTo("CERTIFIED");
  }

  @Test
  void staffStartCasesOnlyThroughTheStartForm() {
    ResponseEntity<JsonNode> start = postJson("staff1", "/engine-rest/process-definition/key/investigation/start",
        Map.of("businessKey", "IoT 0000-0001", "variables", Map.of("investigationId", Map.of("value", "forged"))));
    assertThat(start.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> form = postJson("staff1", "/engine-rest/process-definition/key/investigation/submit-form",
        Map.of("variables", Map.of("certificationNumber", Map.of("value", "IoT 0000-0001"),
            "investigationId", Map.of("value", "forged"))));
    assertThat(form.getStatusCode().value()).isEqualTo(403);
    assertThat(form.getBody().get("message").asText()).contains("investigationId");
  }

  // Finding 2 ------------------------------------------------------------------------------------

  @Test
  void aTaskGoesOnlyToItsCandidatesAndAccessEndsWithTheAssignment() {
    String no = submitted("provider1", P1, "割当サービス");
    runJobs(no);
    String check = task(no, "Task_CheckCompleteness").getId();

    // Staff may no longer hand the completeness check to the applicant.
    ResponseEntity<JsonNode> toApplicant = postJson("staff1", "/engine-rest/task/" + check + "/assignee",
        Map.of("userId", "provider1"));
    assertThat(toApplicant.getStatusCode().value()).isEqualTo(403);
    assertThat(toApplicant.getBody().get("message").asText()).contains("候補グループ");
    assertThat(postJson("staff1", "/engine-rest/task/" + check + "/delegate", Map.of("userId", "provider1"))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("staff1", "/engine-rest/task/" + check + "/identity-links",
        Map.of("groupId", "provider", "type", "candidate")).getStatusCode().value()).isEqualTo(403);
    // Members of the candidate group still claim and hand on.
    assertThat(postJson("staff1", "/engine-rest/task/" + check + "/claim", Map.of("userId", "staff1"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(postJson("staff1", "/engine-rest/task/" + check + "/unclaim", Map.of()).getStatusCode().value())
        .isEqualTo(204);

    // Even an administrator's assignment ends the applicant's access when it is taken back.
    assertThat(postJson("demo", "/engine-rest/task/" + check + "/assignee", Map.of("userId", "provider1"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(get("provider1", "/engine-rest/task/" + check + "/variables").getStatusCode().value()).isEqualTo(200);
    assertThat(postJson("demo", "/engine-rest/task/" + check + "/assignee", Map.of("userId", "staff1"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(get("provider1", "/engine-rest/task/" + check + "/variables").getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("provider1", "/engine-rest/task/" + check + "/complete", Map.of()).getStatusCode().value())
        .isEqualTo(403);

    // A candidate group added and removed again leaves no access behind.
    assertThat(postJson("demo", "/engine-rest/task/" + check + "/identity-links",
        Map.of("groupId", "provider", "type", "candidate")).getStatusCode().value()).isEqualTo(204);
    assertThat(get("provider2", "/engine-rest/task/" + check + "/variables").getStatusCode().value()).isEqualTo(200);
    assertThat(postJson("demo", "/engine-rest/task/" + check + "/identity-links/delete",
        Map.of("groupId", "provider", "type", "candidate")).getStatusCode().value()).isEqualTo(204);
    assertThat(get("provider2", "/engine-rest/task/" + check + "/variables").getStatusCode().value()).isEqualTo(403);
    // Staff keep theirs.
    assertThat(get("staff1", "/engine-rest/task/" + check + "/variables").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void aTaskHolderNeitherReparentsNorDelegatesNorAttaches() {
    String no = submitted("provider1", P1, "親タスクサービス");
    String other = submitted("provider2", P2, "別の申請サービス");
    runJobs(no);
    runJobs(other);
    String check = task(no, "Task_CheckCompleteness").getId();
    String otherCheck = task(other, "Task_CheckCompleteness").getId();
    JsonNode stored = get("staff1", "/engine-rest/task/" + check).getBody();
    // The fields PUT /task/{id} takes, as they are now.
    Map<String, Object> unchanged = new HashMap<>();
    for (String field : List.of("name", "description", "priority", "assignee", "owner", "delegationState", "due",
        "followUp", "parentTaskId", "caseInstanceId", "tenantId")) {
      unchanged.put(field, stored.hasNonNull(field) ? json.convertValue(stored.get(field), Object.class) : null);
    }
    // A parent would make the engine delete the task, listeners and all, when the parent completes.
    Map<String, Object> reparented = new HashMap<>(unchanged);
    reparented.put("parentTaskId", otherCheck);
    ResponseEntity<JsonNode> refused = call("staff1", HttpMethod.PUT, "/engine-rest/task/" + check, reparented,
        MediaType.APPLICATION_JSON);
    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(403);
    assertThat(refused.getBody().get("message").asText()).contains("親タスク");
    Map<String, Object> delegated = new HashMap<>(unchanged);
    delegated.put("delegationState", "PENDING");
    assertThat(call("staff1", HttpMethod.PUT, "/engine-rest/task/" + check, delegated, MediaType.APPLICATION_JSON)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(check).singleResult().getParentTaskId()).isNull();
    // What Tasklist changes on a task (here the follow-up date) still goes through.
    Map<String, Object> followUp = new HashMap<>(unchanged);
    followUp.put("followUp", "2030-01-01T09:00:00.000+0900");
    assertThat(call("staff1", HttpMethod.PUT, "/engine-rest/task/" + check, followUp, MediaType.APPLICATION_JSON)
        .getStatusCode().value()).isEqualTo(204);
    // Attachments: the engine checks no authorization on them, so the guard keeps them to administrators
    // (over REST the engine already answers 400 to a non-administrator; the Java API would let it through).
    identityService.setAuthentication("staff1", List.of(Groups.STAFF));
    try {
      assertThatThrownBy(() -> taskService.createAttachment(null, check, null, "memo", null, "https://evil.example/"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.getTaskAttachments(check)).isEmpty();
  }

  // Finding 3 ------------------------------------------------------------------------------------

  @Test
  void aRefusedJobExecutionChangesNothing() {
    String no = submitted("provider1", P1, "タイマーサービス");
    runJobs(no);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult().getId();
    Job timer = managementService.createJobQuery().processInstanceId(instance).timers().list().get(0);
    int retries = timer.getRetries();
    for (String user : List.of("staff1", "staff1", "staff1", "manager1", "provider1")) {
      ResponseEntity<JsonNode> execute = postJson(user, "/engine-rest/job/" + timer.getId() + "/execute", Map.of());
      assertThat(execute.getStatusCode().value()).isEqualTo(403);
    }
    assertThat(call("staff1", HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 0),
        MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(403);
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(retries);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
    // Administrators still operate jobs.
    assertThat(call("demo", HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", retries),
        MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(204);
  }

  // Finding 4 ------------------------------------------------------------------------------------

  @Test
  void objectVariablesOfForeignClassesAreNeverDeserialized() {
    String no = submitted("provider1", P1, "型検証サービス");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult().getId();
    for (String type : List.of("java.io.File", "java.net.URL")) {
      Map<String, Object> value = Map.of("type", "Object", "value", "\"file:/etc/passwd\"", "valueInfo",
          Map.of("objectTypeName", type, "serializationDataFormat", "application/json"));
      call("demo", HttpMethod.PUT, "/engine-rest/process-instance/" + instance + "/variables/probe", value,
          MediaType.APPLICATION_JSON);
      ResponseEntity<JsonNode> read = get("demo", "/engine-rest/process-instance/" + instance + "/variables/probe");
      assertThat(read.getStatusCode().is2xxSuccessful()).as(type).isFalse();
      assertThat(read.getBody().toString()).contains(type);
      // Serialized, it stays readable as text.
      assertThat(get("demo", "/engine-rest/process-instance/" + instance
          + "/variables/probe?deserializeValue=false").getStatusCode().value()).isEqualTo(200);
    }
  }

  // Finding 12 -----------------------------------------------------------------------------------

  @Test
  void onlyThoseWhoWorkATaskCommentOnIt() {
    String no = submitted("provider1", P1, "コメントサービス");
    runJobs(no);
    String check = task(no, "Task_CheckCompleteness").getId();
    ResponseEntity<JsonNode> manager = postJson("manager1", "/engine-rest/task/" + check + "/comment/create",
        Map.of("message", "閲覧のみのはず"));
    // The engine's REST answers any refusal of a new comment with 400 "Not enough parameters submitted".
    assertThat(manager.getStatusCode().value()).isEqualTo(400);
    assertThat(taskService.getTaskComments(check)).isEmpty();
    // A candidate comments, as Tasklist would call the engine for the logged-in member. (Over REST the
    // engine first looks the task up in history, which staff may not read: a separate, older limit.)
    identityService.setAuthentication("staff1", List.of(Groups.STAFF));
    String comment;
    try {
      comment = taskService.createComment(check, null, "登記事項証明書を確認").getId();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.getTaskComments(check)).extracting(c -> c.getUserId()).containsExactly("staff1");
    ResponseEntity<JsonNode> edit = call("manager1", HttpMethod.PUT, "/engine-rest/task/" + check + "/comment",
        Map.of("id", comment, "message", "書き換え"), MediaType.APPLICATION_JSON);
    assertThat(edit.getStatusCode().value()).isEqualTo(403);
    assertThat(edit.getBody().get("message").asText()).contains("担当者・候補者");
    assertThat(call("manager1", HttpMethod.DELETE, "/engine-rest/task/" + check + "/comment/" + comment, null, null)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.getTaskComments(check)).extracting(c -> c.getFullMessage()).containsExactly("登記事項証明書を確認");
  }

  // ----------------------------------------------------------------------------------------------

  private Task task(String businessKey, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
  }

  /** Completeness, fee and a conforming review, as the people would; returns the decision task's id. */
  private String atDecision(String no) {
    runJobs(no);
    taskService.complete(task(no, "Task_CheckCompleteness").getId(), Map.of("documentsComplete", true, "corporationVerified", true));
    String today = LocalDate.now(BusinessCalendar.ZONE).toString();
    assertThat(postJson("staff1", "/api/applications/" + no + "/payments",
        Map.of("amount", 100000, "paidOn", today, "reference", "PAY-" + no)).getStatusCode().value()).isEqualTo(201);
    runJobs(no);
    Map<String, Object> review = new HashMap<>(Map.of("reviewResult", "CONFORMING", "reviewFindings", "適合",
        "conformingItems", catalogue.all().stream().map(i -> i.itemId()).toList()));
    taskService.complete(task(no, "Task_ReviewApplication").getId(), TestApplications.judged(review));
    runJobs(no);
    return task(no, "Task_DecideCertification").getId();
  }
}
