package jp.iotcert.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationRepository;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;

/**
 * What is due across all process instances, for the manager (issue 10, "Cockpit for the manager"):
 * the engine's timers (validity ends, renewal window, fee and supplement deadlines, report and
 * explanation deadlines) and the due dates of open user tasks, from the overdue ones up to the end
 * of a window of days, sorted by due date. Read from the engine itself, so the list is what will
 * actually happen, not a second copy of the date rules.
 */
@Service
public class DueWork {

  public static final int MIN_DAYS = 1;
  public static final int MAX_DAYS = 366;
  public static final int DEFAULT_DAYS = 28;
  /** More than a manager reads; the answer says when it was cut. */
  static final int MAX_ITEMS = 2000;

  private final ManagementService managementService;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final BusinessCalendar calendar;
  private final ApplicationRepository applications;
  private final CertificationRegister certifications;

  public DueWork(ManagementService managementService, TaskService taskService, RuntimeService runtimeService,
      RepositoryService repositoryService, BusinessCalendar calendar, ApplicationRepository applications,
      CertificationRegister certifications) {
    this.managementService = managementService;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.calendar = calendar;
    this.applications = applications;
    this.certifications = certifications;
  }

  /**
   * One deadline: a timer (task fields null) or a user task's due date. The provider's name is read
   * from the application or the register (never from a process variable, which /engine-rest could
   * have changed); the process instance is the one holding the timer or task (Cockpit links to it).
   */
  public record DueItem(String kind, Instant dueAt, boolean overdue, String businessKey, String providerName,
      String processInstanceId, String processName, String activityId, String activityName, String taskId,
      String taskName, String assignee) {}

  public record DueList(Instant now, Instant until, int days, List<DueItem> items, boolean truncated) {}

  /** Everything due before now + {@code days} (overdue included), sorted by due date. */
  public DueList within(int days) {
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new IllegalArgumentException("days out of range: " + days);
    }
    Instant now = calendar.now();
    Instant until = now.plus(Duration.ofDays(days));
    Date end = Date.from(until);
    List<Job> timers = managementService.createJobQuery().timers().duedateLowerThan(end)
        .orderByJobDuedate().asc().listPage(0, MAX_ITEMS + 1);
    List<Task> tasks = taskService.createTaskQuery().active().dueBefore(end)
        .orderByDueDate().asc().listPage(0, MAX_ITEMS + 1);
    Names names = new Names(timers, tasks);

    List<DueItem> items = new ArrayList<>();
    for (Job job : timers) {
      String activityId = names.activityOf(job);
      String activityName = names.activityName(job.getProcessDefinitionId(), activityId);
      String businessKey = names.businessKey(job.getProcessInstanceId());
      items.add(new DueItem(DueKinds.ofTimer(activityId, activityName), job.getDuedate().toInstant(),
          job.getDuedate().toInstant().isBefore(now), businessKey, names.provider(businessKey), job.getProcessInstanceId(),
          names.processName(job.getProcessDefinitionId()), activityId, activityName, null, null, null));
    }
    for (Task task : tasks) {
      String activityId = task.getTaskDefinitionKey();
      String businessKey = names.businessKey(task.getProcessInstanceId());
      items.add(new DueItem(DueKinds.TASK, task.getDueDate().toInstant(), task.getDueDate().toInstant().isBefore(now),
          businessKey, names.provider(businessKey), task.getProcessInstanceId(), names.processName(task.getProcessDefinitionId()),
          activityId, names.activityName(task.getProcessDefinitionId(), activityId), task.getId(), task.getName(),
          task.getAssignee()));
    }
    items.sort(Comparator.comparing(DueItem::dueAt)
        .thenComparing(DueItem::kind)
        .thenComparing(i -> i.businessKey() == null ? "" : i.businessKey()));
    boolean truncated = items.size() > MAX_ITEMS;
    return new DueList(now, until, days, truncated ? List.copyOf(items.subList(0, MAX_ITEMS)) : items, truncated);
  }

  /** Business keys, process and activity names, each looked up once per answer. */
  private final class Names {

    private final Map<String, String> businessKeys = new HashMap<>();
    private final Map<String, String> jobActivities = new HashMap<>();
    private final Map<String, String> processNames = new HashMap<>();
    private final Map<String, Map<String, String>> activityNames = new HashMap<>();
    private final Map<String, Optional<String>> providers = new HashMap<>();

    Names(List<Job> jobs, List<Task> tasks) {
      Set<String> instanceIds = new HashSet<>();
      jobs.forEach(j -> instanceIds.add(j.getProcessInstanceId()));
      tasks.forEach(t -> instanceIds.add(t.getProcessInstanceId()));
      instanceIds.remove(null);
      // Every process carries its case's number as business key (call activities pass it on).
      instances(instanceIds).values().forEach(p -> businessKeys.put(p.getId(), p.getBusinessKey()));
      Set<String> definitionIds = new HashSet<>();
      jobs.forEach(j -> definitionIds.add(j.getJobDefinitionId()));
      definitionIds.remove(null);
      for (String id : definitionIds) {
        JobDefinition definition = managementService.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
        if (definition != null) {
          jobActivities.put(id, definition.getActivityId());
        }
      }
    }

    private Map<String, ProcessInstance> instances(Set<String> ids) {
      Map<String, ProcessInstance> found = new HashMap<>();
      if (!ids.isEmpty()) {
        runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()
            .forEach(p -> found.put(p.getId(), p));
      }
      return found;
    }

    String businessKey(String processInstanceId) {
      return processInstanceId == null ? null : businessKeys.get(processInstanceId);
    }

    /** The provider of the application or certification with this number, or null. */
    String provider(String businessKey) {
      if (businessKey == null) {
        return null;
      }
      return providers.computeIfAbsent(businessKey, key -> applications.find(key).map(Application::providerName)
          .or(() -> certifications.find(key).map(Certification::providerName))).orElse(null);
    }

    String activityOf(Job job) {
      return job.getJobDefinitionId() == null ? null : jobActivities.get(job.getJobDefinitionId());
    }

    String processName(String processDefinitionId) {
      if (processDefinitionId == null) {
        return null;
      }
      return processNames.computeIfAbsent(processDefinitionId, id -> {
        ProcessDefinition definition = repositoryService.getProcessDefinition(id);
        return definition.getName() == null ? definition.getKey() : definition.getName();
      });
    }

    String activityName(String processDefinitionId, String activityId) {
      if (processDefinitionId == null || activityId == null) {
        return null;
      }
      return activityNames.computeIfAbsent(processDefinitionId, id -> new HashMap<>())
          .computeIfAbsent(activityId, a -> {
            ModelElementInstance element = repositoryService.getBpmnModelInstance(processDefinitionId)
                .getModelElementById(a);
            return element instanceof FlowElement flow ? flow.getName() : null;
          });
    }
  }
}
