package jp.iotcert.config;

import java.util.ArrayList;
import java.util.List;
import jp.iotcert.common.IncidentMessages;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Incidents of failed jobs carry a Japanese message that says which step of which case failed and
 * what to do ({@link IncidentMessages}), instead of the bare exception message: the engine's own
 * failed-job handler, with the message rewritten where the incident is created. One place for every
 * job (service tasks, timers, whatever raised it).
 */
@Component
public class JapaneseIncidentsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new FailedJobs());
    configuration.setCustomIncidentHandlers(handlers);
  }

  /** The engine's failed-job handler (replacing it, same type), with the message in Japanese. */
  static final class FailedJobs extends DefaultIncidentHandler {

    FailedJobs() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      return super.handleIncident(context, japanese(context, message));
    }

    private static String japanese(IncidentContext context, String message) {
      ExecutionEntity execution = context.getExecutionId() == null ? null
          : Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
      ProcessDefinitionEntity definition = execution == null ? null : execution.getProcessDefinition();
      String processName = definition == null ? null
          : definition.getName() != null ? definition.getName() : definition.getKey();
      String activityName = null;
      if (definition != null && context.getActivityId() != null) {
        ActivityImpl activity = definition.findActivity(context.getActivityId());
        activityName = activity != null && activity.getName() != null ? activity.getName() : context.getActivityId();
      }
      return IncidentMessages.failedJob(processName, activityName, caseKey(execution), message);
    }

    /** The case's number: every process carries it as business key (call activities pass it on). */
    private static String caseKey(ExecutionEntity execution) {
      return execution == null ? null : execution.getProcessBusinessKey();
    }
  }
}
