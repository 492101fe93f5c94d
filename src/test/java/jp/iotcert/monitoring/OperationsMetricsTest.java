package jp.iotcert.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import jp.iotcert.api.ApiTestBase;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The operations gauges over HTTP (docs/operations.md, "Metrics"): an incident, a due job, a job without
 * retries and an overdue task of a probe process show in /actuator/metrics and /actuator/prometheus
 * after a refresh, for an administrator only.
 */
class OperationsMetricsTest extends ApiTestBase {

  private static final String KEY = "metrics-probe";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired OperationsMetrics metrics;

  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /** A user task with its due date, beside an asynchronous step (a job due now). */
  private static BpmnModelInstance probe() {
    return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent()
        .parallelGateway("Gateway_Fork")
        .userTask("Task_Probe").camundaDueDate("${due}")
        .endEvent()
        .moveToNode("Gateway_Fork")
        .serviceTask("Task_Async").camundaAsyncBefore().camundaExpression("${true}")
        .endEvent()
        .done();
  }

  @Test
  void incidentsDueJobsAndOverdueTasksShowAfterARefresh() {
    metrics.refresh();
    double dueBefore = gauge("iotcert.jobs.due");
    double noRetriesBefore = gauge("iotcert.jobs.no.retries");
    double overdueBefore = gauge("iotcert.tasks.overdue");

    deployment = repositoryService.createDeployment().addModelInstance(KEY + ".bpmn", probe()).deploy();
    Date yesterday = new Date(System.currentTimeMillis() - 86_400_000L);
    Date nextWeek = new Date(System.currentTimeMillis() + 7 * 86_400_000L);
    String failing = runtimeService.startProcessInstanceByKey(KEY, java.util.Map.of("due", yesterday)).getId();
    runtimeService.startProcessInstanceByKey(KEY, java.util.Map.of("due", nextWeek));
    Job job = managementService.createJobQuery().processInstanceId(failing).singleResult();
    // Retries set to 0 make the job an incident (failedJob), as the third failed attempt would.
    managementService.setJobRetries(job.getId(), 0);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(failing).count()).isEqualTo(1);

    // Nothing is queried per scrape: until the refresh the gauges keep their values.
    assertThat(gauge("iotcert.jobs.no.retries")).isEqualTo(noRetriesBefore);
    metrics.refresh();

    assertThat(gauge("iotcert.incidents.open", "processDefinitionKey:" + KEY, "incidentType:failedJob")).isEqualTo(1.0);
    assertThat(gauge("iotcert.jobs.due")).isEqualTo(dueBefore + 1);
    assertThat(gauge("iotcert.jobs.no.retries")).isEqualTo(noRetriesBefore + 1);
    assertThat(gauge("iotcert.tasks.overdue")).isEqualTo(overdueBefore + 1);
    assertThat(scrape("demo").getBody())
        .contains("iotcert_incidents_open{incidentType=\"failedJob\",processDefinitionKey=\"" + KEY + "\"} 1.0")
        .contains("iotcert_tasks_overdue ", "iotcert_jobs_due ", "iotcert_jobs_no_retries ");

    // The incident resolved: its row goes back to nothing at the next refresh.
    managementService.setJobRetries(job.getId(), 1);
    metrics.refresh();
    assertThat(scrape("demo").getBody()).doesNotContain("processDefinitionKey=\"" + KEY + "\"");
  }

  @Test
  void onlyAdministratorsReadTheMetrics() {
    for (String path : List.of("/actuator/metrics", "/actuator/metrics/iotcert.jobs.due", "/actuator/prometheus")) {
      assertThat(fetch(path, null).getStatusCode().value()).as("anonymous %s", path).isEqualTo(401);
      for (String user : List.of("provider1", "staff1", "manager1")) {
        assertThat(fetch(path, user).getStatusCode().value()).as("%s %s", user, path).isEqualTo(403);
      }
      assertThat(fetch(path, "demo").getStatusCode().value()).as("demo %s", path).isEqualTo(200);
    }
    HttpHeaders wrong = new HttpHeaders();
    wrong.setBasicAuth("demo", "not-the-password");
    assertThat(http.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(wrong), String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  private ResponseEntity<String> fetch(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private ResponseEntity<String> scrape(String user) {
    ResponseEntity<String> response = fetch("/actuator/prometheus", user);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response;
  }

  private double gauge(String name, String... tags) {
    StringBuilder path = new StringBuilder("/actuator/metrics/" + name);
    for (int i = 0; i < tags.length; i++) {
      path.append(i == 0 ? "?" : "&").append("tag=").append(tags[i]);
    }
    ResponseEntity<JsonNode> response = http.exchange(path.toString(), HttpMethod.GET,
        new HttpEntity<>(admin()), JsonNode.class);
    assertThat(response.getStatusCode().value()).as(path.toString()).isEqualTo(200);
    return response.getBody().path("measurements").get(0).path("value").asDouble();
  }

  private static HttpHeaders admin() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("demo", "demo");
    return headers;
  }
}
