package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.config.IdentitySetup;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 10, "which case is this?": every Tasklist filter shows the case on its cards (filter
 * variables), existing installations get them at the next start, and 「期限切れ」 lists the overdue.
 * What Tasklist shows around them is Japanese: filter descriptions, and candidate groups by name.
 */
class TasklistFiltersApiTest extends ApiTestBase {

  private static final List<String> CARD_VARIABLES = List.of(ApplicationProcess.APPLICATION_NUMBER,
      ApplicationProcess.CERTIFICATION_NUMBER, ApplicationProcess.PROVIDER_NAME, ApplicationProcess.SERVICE_NAME,
      ApplicationProcess.APPLICATION_KIND);

  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired IdentitySetup identitySetup;
  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyFilterShowsTheCaseOnItsCards() {
    List<Filter> filters = filterService.createFilterQuery().list();
    assertThat(filters).extracting(Filter::getName).contains("自分のタスク", "グループのタスク", "申請審査", "実地調査",
        "認定審査委員会", "認定サービス", "監督（緊急事態・調査・改善・取消し）", "期限切れ");
    for (Filter filter : filters) {
      assertThat(variableNames(filter)).as(filter.getName()).containsExactlyElementsOf(CARD_VARIABLES);
    }
    // As Tasklist reads them (staff1's own view of the filters).
    for (JsonNode filter : get("staff1", "/engine-rest/filter?itemCount=false").getBody()) {
      List<String> labels = new ArrayList<>();
      filter.get("properties").get("variables").forEach(v -> labels.add(v.get("label").asText()));
      assertThat(labels).as(filter.get("name").asText())
          .containsExactly("申請番号", "認定番号", "事業者", "サービス", "新規／更新");
    }
  }

  /**
   * Tasklist shows a filter's description as the tooltip of its name: Japanese only, no process key
   * (`certification-application`) or other ASCII word, in every filter each group sees.
   */
  @Test
  void filterDescriptionsAreJapaneseOnly() {
    List<String> seen = new ArrayList<>();
    for (String user : List.of("staff1", "reviewer1", "committee1", "manager1", "delegate1")) {
      ResponseEntity<JsonNode> filters = get(user, "/engine-rest/filter?itemCount=false");
      assertThat(filters.getStatusCode().value()).as(user).isEqualTo(200);
      for (JsonNode filter : filters.getBody()) {
        String description = filter.get("properties").get("description").asText();
        assertThat(description).as(user + ": " + filter.get("name").asText()).isNotBlank().doesNotContainPattern("[A-Za-z]");
        seen.add(filter.get("name").asText());
      }
    }
    assertThat(seen).contains("自分のタスク", "グループのタスク", "申請審査", "実地調査", "認定審査委員会", "認定サービス",
        "監督（緊急事態・調査・改善・取消し）", "期限切れ");
  }

  /**
   * A delegate (第19条) works 「説明・資料を評価する」, whose candidate group stays `staff`: Tasklist shows
   * the group embedded in the task (HAL) by its name only if the delegate may read that group. The
   * delegate reads `staff` by name, and nothing more: no other group, not its members.
   */
  @Test
  void aDelegateSeesTheCandidateGroupOfItsTaskByName() {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    String applicationNumber = submitted("provider2", TestApplications.PROVIDER2_NUMBER, "委託先グループ名サービス");
    String no = transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(
        applicationNumber, TestApplications.PROVIDER2_NUMBER, "株式会社テスト", "委託先グループ名サービス", "説明", null,
        today.minusDays(10), today.minusDays(10), json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(),
        "[]"))).certificationNumber();
    String path = "/api/certifications/" + no + "/investigations";
    ResponseEntity<JsonNode> opened = postJson("staff1", path, Map.of("scope", List.of("OPERATIONS"),
        "reason", "利用者からの苦情", "request", "運用記録", "deadline", today.plusDays(20).toString(),
        "delegatedTo", "delegate1"));
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    runJobs(no);
    assertThat(postJson("provider2", path + "/" + opened.getBody().get("id").asText() + "/explanations",
        Map.of("explanation", "運用記録を提出します")).getStatusCode().value()).isEqualTo(202);
    runJobs(no);
    var task = taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_AssessExplanation")
        .singleResult();
    assertThat(task.getAssignee()).isEqualTo("delegate1");

    // As Tasklist loads the task (HAL): the candidate links name group ids, and the groups the caller
    // may read come embedded beside them; Tasklist joins the two and shows the name, else the id.
    JsonNode embedded = hal("delegate1", "/engine-rest/task/" + task.getId()).getBody().get("_embedded");
    List<String> candidateGroups = new ArrayList<>();
    embedded.get("identityLink").forEach(link -> {
      if ("candidate".equals(link.get("type").asText()) && !link.get("groupId").isNull()) {
        candidateGroups.add(link.get("groupId").asText());
      }
    });
    assertThat(candidateGroups).containsExactly("staff");
    List<String> groups = new ArrayList<>();
    embedded.path("group").forEach(group -> groups.add(group.get("id").asText() + "=" + group.get("name").asText()));
    assertThat(groups).containsExactly("staff=事務局");
    assertThat(get("delegate1", "/engine-rest/group/staff").getBody().get("name").asText()).isEqualTo("事務局");
    // The least grant: no other group, and no member of staff.
    assertThat(get("delegate1", "/engine-rest/group/reviewer").getStatusCode().value()).isEqualTo(404);
    assertThat(get("delegate1", "/engine-rest/user?memberOfGroup=staff").getBody()).isEmpty();
    // The manager reads every task: it sees the candidate group by its name too, and no members.
    List<String> managersGroups = new ArrayList<>();
    hal("manager1", "/engine-rest/task/" + task.getId()).getBody().get("_embedded").path("group")
        .forEach(group -> managersGroups.add(group.get("id").asText() + "=" + group.get("name").asText()));
    assertThat(managersGroups).containsExactly("staff=事務局");
    assertThat(get("manager1", "/engine-rest/user?memberOfGroup=staff").getBody()).isEmpty();
  }

  @Test
  void anInstallationWithoutCardVariablesGetsThemAtTheNextStartOnce() {
    Filter filter = filterService.createFilterQuery().filterName("申請審査").singleResult();
    filter.setProperties(Map.of("description", "旧版", "priority", 0));
    filterService.saveFilter(filter);
    long count = filterService.createFilterQuery().count();

    identitySetup.afterSingletonsInstantiated();

    Filter updated = filterService.getFilter(filter.getId());
    assertThat(variableNames(updated)).containsExactlyElementsOf(CARD_VARIABLES);
    // The description (the filter's tooltip) is set again too: older installations lose their process keys.
    assertThat((String) updated.getProperties().get("description")).isEqualTo("認定申請の審査のタスク：書類の確認、審査、認定の可否の決定");
    assertThat(filterService.createFilterQuery().count()).isEqualTo(count);
    assertThat(filterService.createFilterQuery().filterName("申請審査").count()).isEqualTo(1);
  }

  @Test
  void theOverdueFilterListsTasksPastTheirDueDateOnlyWithTheirCase() {
    LocalDate first = LocalDate.now(BusinessCalendar.ZONE);
    clockAt(first);
    String overdue = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "期限切れ確認サービス");
    clockAt(first.plusDays(20));
    String future = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "期限内サービス");
    // The completeness checks are due with the fee (30 days): the first is overdue on day 35, the second not.
    clockAt(first.plusDays(35));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(overdue).singleResult().getDueDate())
        .isEqualTo(BusinessCalendar.endOf(first.plusDays(30)));

    String filterId = filterService.createFilterQuery().filterName("期限切れ").singleResult().getId();
    ResponseEntity<JsonNode> list = hal("staff1", "/engine-rest/filter/" + filterId + "/list");
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    List<String> instances = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (JsonNode task : list.getBody().get("_embedded").get("task")) {
      instances.add(task.get("processInstanceId").asText());
      if (task.get("processInstanceId").asText().equals(instanceId(overdue))) {
        // The card of the overdue task: its variables come embedded, as Tasklist shows them.
        task.get("_embedded").get("variable")
            .forEach(v -> values.add(v.get("name").asText() + "=" + v.get("value").asText()));
      }
    }
    assertThat(instances).contains(instanceId(overdue)).doesNotContain(instanceId(future));
    assertThat(values).contains(ApplicationProcess.APPLICATION_NUMBER + "=" + overdue,
        ApplicationProcess.APPLICATION_KIND + "=新規", ApplicationProcess.SERVICE_NAME + "=期限切れ確認サービス");
    // A provider has no filter at all.
    assertThat(hal("provider1", "/engine-rest/filter/" + filterId + "/list").getStatusCode().value()).isEqualTo(403);
  }

  /**
   * Cards, Cockpit and REST clients read the names as the applicant wrote them; the forms read each
   * task's Markdown copy, in which the same text is literal (no `\(株\)` on a card, no link in a form).
   */
  @Test
  @SuppressWarnings("unchecked")
  void cardsShowTheNamesAsWrittenAndFormsGetThemAsMarkdown() {
    String provider = "株式会社テスト(株)";
    String service = "IoT_監視*サービス* [v2.0](https://evil.example/)";
    Map<String, Object> app = application(TestApplications.PROVIDER1_NUMBER, service);
    ((Map<String, Object>) app.get("provider")).put("name", provider);
    ResponseEntity<JsonNode> submitted = submit("provider1", app, TestApplications.PDF);
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String no = submitted.getBody().get("applicationNumber").asText();
    runJobs(no);

    // The card, as Tasklist lists a filter's tasks with their variables.
    String filterId = filterService.createFilterQuery().filterName("申請審査").singleResult().getId();
    List<String> card = new ArrayList<>();
    for (JsonNode task : hal("staff1", "/engine-rest/filter/" + filterId + "/list").getBody().get("_embedded").get("task")) {
      if (task.get("processInstanceId").asText().equals(instanceId(no))) {
        task.get("_embedded").get("variable").forEach(v -> card.add(v.get("name").asText() + "=" + v.get("value").asText()));
      }
    }
    assertThat(card).contains(ApplicationProcess.PROVIDER_NAME + "=" + provider, ApplicationProcess.SERVICE_NAME + "=" + service);
    // Cockpit (the manager's read of the instance) shows the same text.
    assertThat(get("manager1", "/engine-rest/process-instance/" + instanceId(no) + "/variables/providerName")
        .getBody().get("value").asText()).isEqualTo(provider);
    // The form's variables: the plain names and their Markdown copies, which the forms' text views show.
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(no).singleResult().getId();
    JsonNode form = get("staff1", "/engine-rest/task/" + taskId + "/form-variables").getBody();
    assertThat(form.get("providerName").get("value").asText()).isEqualTo(provider);
    assertThat(form.get("providerNameMarkdown").get("value").asText()).isEqualTo("株式会社テスト\\(株\\)");
    assertThat(form.get("serviceNameMarkdown").get("value").asText())
        .isEqualTo("IoT\\_監視\\*サービス\\* \\[v2\\.0\\]\\(https\\://evil\\.example/\\)");
  }

  private String instanceId(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
  }

  /** As Tasklist asks for a filter's tasks: HAL, so the filter's variables come embedded. */
  private ResponseEntity<JsonNode> hal(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  @SuppressWarnings("unchecked")
  private static List<String> variableNames(Filter filter) {
    List<Map<String, Object>> variables = (List<Map<String, Object>>) filter.getProperties().get("variables");
    assertThat(variables).as(filter.getName() + " has card variables").isNotNull();
    return variables.stream().map(v -> (String) v.get("name")).toList();
  }

  private static void clockAt(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(BusinessCalendar.ZONE).toInstant()));
  }
}
