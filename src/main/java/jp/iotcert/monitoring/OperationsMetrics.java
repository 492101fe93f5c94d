package jp.iotcert.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges for operators (docs/operations.md, "Metrics"): open incidents by process definition key and
 * incident type, the job backlog (executable jobs due now, jobs without retries left) and overdue
 * tasks. The engine queries behind them run on a schedule ({@code iotcert.metrics.refresh}, 30 s),
 * never per scrape: a scraper or a crowd of them under load adds no database work. A gauge therefore
 * shows the state of its last refresh, at most one interval old.
 */
@Component
public class OperationsMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  private final ManagementService managementService;
  private final TaskService taskService;
  private final JdbcClient jdbc;
  private final BusinessCalendar calendar;
  private final MultiGauge incidents;
  private final AtomicLong jobsDue = new AtomicLong();
  private final AtomicLong jobsWithoutRetries = new AtomicLong();
  private final AtomicLong tasksOverdue = new AtomicLong();

  public OperationsMetrics(ManagementService managementService, TaskService taskService, JdbcClient jdbc,
      BusinessCalendar calendar, MeterRegistry registry) {
    this.managementService = managementService;
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.incidents = MultiGauge.builder("iotcert.incidents.open")
        .description("Open incidents (failed jobs and others) by process definition key and incident type")
        .register(registry);
    Gauge.builder("iotcert.jobs.due", jobsDue, AtomicLong::get)
        .description("Jobs due now that the job executor may run (retries left, not suspended): the backlog")
        .register(registry);
    Gauge.builder("iotcert.jobs.no.retries", jobsWithoutRetries, AtomicLong::get)
        .description("Jobs without retries left: each waits for an operator (an incident in Cockpit)")
        .register(registry);
    Gauge.builder("iotcert.tasks.overdue", tasksOverdue, AtomicLong::get)
        .description("Open user tasks past their due date")
        .register(registry);
  }

  /** One incident count of the last refresh. */
  record IncidentCount(String processDefinitionKey, String incidentType, long count) {}

  @Scheduled(initialDelayString = "${iotcert.metrics.first-refresh:PT10S}", fixedDelayString = "${iotcert.metrics.refresh:PT30S}")
  public void refresh() {
    try {
      jobsDue.set(managementService.createJobQuery().executable().count());
      jobsWithoutRetries.set(managementService.createJobQuery().noRetriesLeft().count());
      tasksOverdue.set(taskService.createTaskQuery().dueBefore(java.util.Date.from(calendar.now())).count());
      List<IncidentCount> counts = incidentCounts();
      incidents.register(counts.stream()
          .map(c -> MultiGauge.Row.of(Tags.of("processDefinitionKey", c.processDefinitionKey(),
              "incidentType", c.incidentType()), c.count()))
          .toList(), true);
    } catch (RuntimeException e) {
      // The database may be away (a restart): the gauges keep their last values and the next refresh tries again.
      LOG.warn("Operations metrics not refreshed: {}", e.toString());
    }
  }

  /**
   * The engine's incident query has no grouping; one grouped count over its tables (names from the
   * engine, so a table prefix is honoured) instead of loading every incident.
   */
  private List<IncidentCount> incidentCounts() {
    String incident = managementService.getTableName(IncidentEntity.class);
    String definition = managementService.getTableName(ProcessDefinitionEntity.class);
    return jdbc.sql("SELECT d.KEY_ AS process_key, i.INCIDENT_TYPE_ AS incident_type, COUNT(*) AS n FROM " + incident
            + " i LEFT JOIN " + definition + " d ON d.ID_ = i.PROC_DEF_ID_ GROUP BY d.KEY_, i.INCIDENT_TYPE_")
        .query((rs, i) -> new IncidentCount(rs.getString("process_key") == null ? "none" : rs.getString("process_key"),
            rs.getString("incident_type"), rs.getLong("n")))
        .list();
  }
}
