package jp.iotcert.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's history cleanup as configured in application.yaml (docs/operations.md, "History
 * cleanup"): its jobs exist and are due inside the night window, every model keeps its history for
 * the documented time, and a cleanup run removes a finished instance whose time has passed.
 */
@SpringBootTest
@ActiveProfiles("test")
class HistoryCleanupTest {

  private static final LocalTime WINDOW_START = LocalTime.of(1, 0);
  private static final LocalTime WINDOW_END = LocalTime.of(5, 0);
  /** Days of history of every process, as documented in docs/operations.md ("History cleanup"). */
  private static final int TEN_YEARS = 3650;

  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private String deploymentId;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void theCleanupJobsAreDueInTheNightWindow() {
    List<Job> jobs = historyService.findHistoryCleanupJobs();

    assertThat(jobs).as("one job per degree of parallelism").hasSize(2);
    for (Job job : jobs) {
      LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
      assertThat(due).as("due time of %s", job.getId()).isBetween(WINDOW_START, WINDOW_END);
    }
  }

  @Test
  void everyModelKeepsItsHistoryTenYears() throws IOException {
    // The models of the application: bpmn/<processKey>.bpmn (not test models other tests deploy).
    List<String> keys;
    try (Stream<Path> files = Files.list(Paths.get("bpmn"))) {
      keys = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".bpmn"))
          .map(n -> n.substring(0, n.length() - ".bpmn".length())).toList();
    }
    Map<String, Integer> ttl = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getKey, d -> d.getHistoryTimeToLive() == null ? -1
            : d.getHistoryTimeToLive()));

    assertThat(keys).contains("certification-application", "certification", "notice-delivery", "revocation");
    for (String key : keys) {
      assertThat(ttl.get(key)).as("historyTimeToLive of %s in days", key).isEqualTo(TEN_YEARS);
    }
  }

  @Test
  void aCleanupRunRemovesAFinishedInstancePastItsTimeToLive() {
    deploymentId = repositoryService.createDeployment().name("history-cleanup-test")
        .addModelInstance("history-cleanup-test.bpmn", Bpmn.createExecutableProcess("historyCleanupTest")
            .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Work").endEvent().done())
        .deploy().getId();
    String kept = runtimeService.startProcessInstanceByKey("historyCleanupTest").getId();
    String finished = runtimeService.startProcessInstanceByKey("historyCleanupTest").getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(finished).singleResult().getId());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished).singleResult()
        .getRemovalTime()).as("removal time set when the instance ended").isNotNull();

    // Two days later, past the one-day time to live: a cleanup run (immediate, outside the window).
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2))));
    historyService.cleanUpHistoryAsync(true);
    for (Job job : historyService.findHistoryCleanupJobs()) {
      managementService.executeJob(job.getId());
    }

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished).count())
        .as("the finished instance's history").isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(finished).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(kept).count())
        .as("the running instance's history stays").isEqualTo(1);
  }
}
