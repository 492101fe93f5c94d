package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「通知の適時性を確認する」: whether the provider notified promptly, a fact for 第17条1(5),
 * checked by {@link EmergencyRules#checkAssessment} and recorded with the case.
 */
@Component("emergencyAssessed")
public class EmergencyAssessedListener implements TaskListener {

  private final EmergencyRules rules;
  private final Emergencies emergencies;

  public EmergencyAssessedListener(EmergencyRules rules, Emergencies emergencies) {
    this.rules = rules;
    this.emergencies = emergencies;
  }

  @Override
  public void notify(DelegateTask task) {
    Boolean promptly = task.getVariable(EmergencyProcess.NOTIFIED_PROMPTLY) instanceof Boolean b ? b : null;
    String note = TaskInput.text(task, EmergencyProcess.STAFF_NOTE);
    rules.checkAssessment(promptly, note);
    emergencies.recordPromptness(emergencies.forProcess(task.getExecution()).id(), promptly, note);
  }
}
