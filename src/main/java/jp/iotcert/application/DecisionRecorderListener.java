package jp.iotcert.application;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「認定の可否を決定する」: records the decision ({@link ApplicationOutcomes#recordDecision},
 * checked by {@link DecisionRules}) against the review's result, which only the reviewer's task form
 * writes (the decision form shows it read-only, so the manager cannot change it).
 */
@Component("decisionRecorder")
public class DecisionRecorderListener implements TaskListener {

  private final ApplicationOutcomes outcomes;

  public DecisionRecorderListener(ApplicationOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ApplicationProcess.DECISION);
    Object reviewResult = task.getVariable(ApplicationProcess.REVIEW_RESULT);
    outcomes.recordDecision(ApplicationProcess.applicationNumber(task.getExecution()),
        decision == null ? "" : decision.toString(), TaskInput.text(task, ApplicationProcess.DECISION_REASONS),
        reviewResult == null ? null : reviewResult.toString(),
        TaskInput.text(task, ApplicationProcess.NON_CONFORMITY_OVERRIDE), TaskInput.actor(task));
  }
}
