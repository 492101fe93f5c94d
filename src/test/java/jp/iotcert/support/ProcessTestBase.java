package jp.iotcert.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Process tests on the real application context: real delegates and services, H2 in memory, the job
 * executor off. Jobs are run by the test and timers fired by moving the engine's clock, so the tests
 * prove the due dates. Flow-node coverage is recorded for the report in target/process-test-coverage.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestBase {

  @RegisterExtension
  protected static final GreenMailExtension MAIL = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected ApplicationService applicationService;
  @Autowired protected DisclosureCatalogue catalogue;
  @Autowired protected JdbcClient jdbc;

  @BeforeEach
  void initAssertions() {
    init(processEngine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Sets the engine's clock to a Tokyo date and time. */
  protected static void clockAt(LocalDateTime tokyoTime) {
    ClockUtil.setCurrentTime(Date.from(tokyoTime.atZone(BusinessCalendar.ZONE).toInstant()));
  }

  /** The instant of a Japan time, as the engine stores due dates. */
  protected static Date tokyo(LocalDateTime tokyoTime) {
    return Date.from(tokyoTime.atZone(BusinessCalendar.ZONE).toInstant());
  }

  protected static void clockAt(LocalDate tokyoDay) {
    clockAt(tokyoDay.atTime(10, 0));
  }

  protected Application submitComplete(String corporateNumber, String serviceName) {
    return applicationService.submit(
        TestApplications.newApplication(corporateNumber, serviceName, TestApplications.fullDisclosure(catalogue)),
        TestApplications.registryCertificate(), List.of());
  }

  protected ProcessInstance instance(String businessKey, String processKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(processKey).singleResult();
  }

  /**
   * Runs every job that is due now in the instances with these business keys (called processes
   * share the caller's business key), including the jobs those jobs create.
   */
  protected void runDueJobs(String... businessKeys) {
    for (int round = 0; round < 200; round++) {
      List<Job> jobs = new ArrayList<>();
      for (String key : businessKeys) {
        for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()) {
          jobs.addAll(managementService.createJobQuery().processInstanceId(pi.getId()).executable().list());
        }
      }
      if (jobs.isEmpty()) {
        return;
      }
      // One at a time, earliest due first, as the job executor would: a job may remove others (a
      // terminate end event, an interrupting timer). Continuations (no due date) go first.
      jobs.sort(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())));
      managementService.executeJob(jobs.get(0).getId());
    }
    throw new IllegalStateException("Jobs keep coming: a loop in the process?");
  }

  /** Staff find the application complete and the fee is paid: the application waits for its review. */
  protected void passCompletenessAndFee(String applicationNumber, LocalDate paidOn) {
    complete(applicationNumber, "Task_CheckCompleteness", Map.of("documentsComplete", true, "corporationVerified", true));
    applicationService.pay(applicationNumber, new ApplicationService.PaymentRequest(100_000L, paidOn, "PAY-" + applicationNumber));
  }

  /** A conforming review without inspection or committee, then the manager's decision. */
  protected void reviewAndDecide(String applicationNumber, String decision) {
    complete(applicationNumber, "Task_ReviewApplication", TestApplications.judged(Map.of("reviewResult", "CONFORMING",
        "reviewFindings", "適合", "conformingItems", catalogue.all().stream().map(i -> i.itemId()).toList())));
    complete(applicationNumber, "Task_DecideCertification", Map.of("decision", decision, "decisionReasons",
        decision.equals("CERTIFY") ? "基準に適合" : "基準に適合しない"));
  }

  /** A new application of the provider certified on the given day; returns the certification number. */
  protected String certified(String corporateNumber, String serviceName, LocalDate on) {
    clockAt(on);
    String applicationNumber = submitComplete(corporateNumber, serviceName).applicationNumber();
    passCompletenessAndFee(applicationNumber, on);
    reviewAndDecide(applicationNumber, "CERTIFY");
    return jdbc.sql("SELECT certification_number FROM application WHERE application_number = ?")
        .param(applicationNumber).query(String.class).single();
  }

  /** The body of the latest notice of this kind about the certification. */
  protected String latestNotice(String certificationNumber, String kind) {
    return jdbc.sql("SELECT body FROM notice WHERE certification_number = ? AND kind = ? ORDER BY sent_at DESC")
        .params(certificationNumber, kind).query(String.class).list().get(0);
  }

  protected Task task(String businessKey, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    if (tasks.size() != 1) {
      throw new AssertionError("Expected one task " + taskKey + " for " + businessKey + " but found " + tasks.size());
    }
    return tasks.get(0);
  }

  protected void complete(String businessKey, String taskKey, Map<String, Object> variables) {
    taskService.complete(task(businessKey, taskKey).getId(), variables);
    runDueJobs(businessKey);
  }
}
