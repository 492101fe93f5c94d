package jp.iotcert.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 第20条 and least privilege: who reads an application and its documents, who sees which tasks and filters. */
class CaseAccessApiTest extends ApiTestBase {

  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;

  @Test
  void documentsAreReadByThePeopleOnTheCaseAndEveryReadIsLogged() {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "書類閲覧");
    JsonNode view = get("provider1", "/api/applications/" + no).getBody();
    String href = view.get("documents").get(0).get("href").asText();

    ResponseEntity<byte[]> own = download("provider1", href);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(own.getBody()).isEqualTo(TestApplications.PDF);
    assertThat(download("staff1", href).getStatusCode().value()).isEqualTo(200);
    assertThat(download("provider2", href).getStatusCode().value()).isEqualTo(404);
    assertThat(download(null, href).getStatusCode().value()).isEqualTo(401);
    HttpHeaders paymentSystem = new HttpHeaders();
    paymentSystem.setBearerAuth(DEMO_PAYMENT_TOKEN);
    assertThat(http.exchange(URI.create(http.getRootUri() + href), HttpMethod.GET,
        new HttpEntity<>(paymentSystem), byte[].class).getStatusCode().value()).isEqualTo(401);

    // Before the review reaches them, reviewers and committee members do not see the case.
    assertThat(download("reviewer1", href).getStatusCode().value()).isEqualTo(404);
    assertThat(get("reviewer1", "/api/applications/" + no).getStatusCode().value()).isEqualTo(404);
    assertThat(get("committee1", "/api/applications/" + no).getStatusCode().value()).isEqualTo(404);
    assertThat(get("delegate1", "/api/applications/" + no).getStatusCode().value()).isEqualTo(404);

    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
    taskService.complete(taskId, Map.of("documentsComplete", true, "corporationVerified", true));
    runJobs(no);
    postWithToken(DEMO_PAYMENT_TOKEN, "/api/applications/" + no + "/payments", Map.of("amount", 100000,
        "paidOn", LocalDate.now(BusinessCalendar.ZONE).toString(), "reference", "ACCESS-" + no));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewApplication")
        .count()).isEqualTo(1);

    assertThat(download("reviewer1", href).getStatusCode().value()).isEqualTo(200);
    assertThat(get("reviewer1", "/api/applications/" + no).getStatusCode().value()).isEqualTo(200);
    assertThat(get("committee1", "/api/applications/" + no).getStatusCode().value()).isEqualTo(404);

    List<String> readers = jdbc.sql("SELECT user_id FROM document_read WHERE application_number = ? ORDER BY read_at")
        .param(no).query(String.class).list();
    assertThat(readers).containsExactly("provider1", "staff1", "reviewer1");
  }

  @Test
  void usersWorkOnlyTheTasksOfTheirGroup() {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "権限確認");
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
    assertThat(get("reviewer1", "/engine-rest/task?processInstanceBusinessKey=" + no).getBody()).isEmpty();
    assertThat(get("staff1", "/engine-rest/task?processInstanceBusinessKey=" + no).getBody()).hasSize(1);
    ResponseEntity<JsonNode> foreign = postJson("reviewer1", "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", Map.of("documentsComplete", Map.of("value", true), "corporationVerified", Map.of("value", true))));
    assertThat(foreign.getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("delegate1x", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "x"))
        .getStatusCode().value()).isEqualTo(401);
    assertThat(get("delegate1", "/engine-rest/task").getBody()).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void eachGroupGetsItsTasklistFiltersAndOnlyManagersOpenCockpit() {
    assertThat(filterNames("staff1")).containsExactlyInAnyOrder("自分のタスク", "グループのタスク", "申請審査", "実地調査", "認定審査委員会",
        "認定サービス", "監督（緊急事態・調査・改善・取消し）", "期限切れ");
    assertThat(filterNames("reviewer1")).containsExactlyInAnyOrder("自分のタスク", "グループのタスク", "申請審査", "実地調査");
    assertThat(filterNames("committee1")).containsExactlyInAnyOrder("自分のタスク", "認定審査委員会");
    assertThat(filterNames("delegate1")).containsExactly("自分のタスク");
    assertThat(filterNames("provider1")).isEmpty();

    assertThat(mayAccess("manager1", "cockpit")).isTrue();
    assertThat(mayAccess("staff1", "cockpit")).isFalse();
    assertThat(mayAccess("reviewer1", "tasklist")).isTrue();
    assertThat(mayAccess("provider1", "tasklist")).isFalse();
    assertThat(mayAccess("manager1", "admin")).isFalse();
  }

  private List<String> filterNames(String user) {
    List<String> names = new ArrayList<>();
    get(user, "/engine-rest/filter").getBody().forEach(f -> names.add(f.get("name").asText()));
    return names;
  }

  private boolean mayAccess(String user, String app) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    return authorizationService.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, app);
  }
}
