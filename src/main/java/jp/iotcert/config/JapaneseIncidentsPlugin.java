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
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
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
        activityName = activity != null && activity.getName() != null ? activity.getName() : modelName(definition,
            context.getActivityId());
      }
      return IncidentMessages.failedJob(processName, activityName, caseKey(execution), message);
    }

    /**
     * The step's name as the model has it, else its ID: the parsed activity of a timer event fired as a
     * job (有効期間満了, where the expiry runs) may carry no name, the model always does.
     */
    private static String modelName(ProcessDefinitionEntity definition, String activityId) {
      BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
          .findBpmnModelInstanceForProcessDefinition(definition.getId());
      return model != null && model.getModelElementById(activityId) instanceof FlowElement element
          && element.getName() != null ? element.getName() : activityId;
    }

    /** The case's number: every process carries it as business key (call activities pass it on). */
    private static String caseKey(ExecutionEntity execution) {
      return execution == null ? null : execution.getProcessBusinessKey();
    }
  }
}
