package jp.iotcert.oversight;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 「通知の適時性を確認する」: whether the provider notified promptly, a fact for 第17条1(5). */
@Component("emergencyAssessed")
public class EmergencyAssessedListener implements TaskListener {

  private final Emergencies emergencies;

  public EmergencyAssessedListener(Emergencies emergencies) {
    this.emergencies = emergencies;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!(task.getVariable(EmergencyProcess.NOTIFIED_PROMPTLY) instanceof Boolean promptly)) {
      throw new FormRuleViolation(EmergencyProcess.NOTIFIED_PROMPTLY, "速やかに通知されたか（はい／いいえ）を選んでください。");
    }
    TaskInput.maxLength(task, EmergencyProcess.STAFF_NOTE, "所見");
    String note = TaskInput.text(task, EmergencyProcess.STAFF_NOTE);
    if (note.isEmpty()) {
      throw new FormRuleViolation(EmergencyProcess.STAFF_NOTE, "所見を記入してください。");
    }
    emergencies.recordPromptness(emergencies.forProcess(task.getExecution()).id(), promptly, note);
  }
}
