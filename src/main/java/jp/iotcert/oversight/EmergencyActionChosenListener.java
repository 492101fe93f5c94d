package jp.iotcert.oversight;

import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「経過報告を確認する」 and 「報告の遅れに対応する」: wait for the next report, or close
 * with a summary (and, if staff so decide, the request of an investigation), as {@link EmergencyRules#chooseAction}
 * allows. Closing is refused while a report staff have not yet seen is kept with the case: 「次の経過報告を待つ」 shows it next.
 */
@Component("emergencyActionChosen")
public class EmergencyActionChosenListener implements TaskListener {

  private final EmergencyRules rules;
  private final Emergencies emergencies;
  private final BusinessCalendar calendar;

  public EmergencyActionChosenListener(EmergencyRules rules, Emergencies emergencies, BusinessCalendar calendar) {
    this.rules = rules;
    this.emergencies = emergencies;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    EmergencyRules.Action action = rules.chooseAction(new EmergencyRules.ActionForm(
            task.getVariable(EmergencyProcess.ACTION),
            TaskInput.text(task, EmergencyProcess.CLOSING_SUMMARY),
            Boolean.TRUE.equals(task.getVariable(EmergencyProcess.OPEN_INVESTIGATION)),
            TaskInput.text(task, EmergencyProcess.INVESTIGATION_REQUEST),
            TaskInput.date(task, EmergencyProcess.INVESTIGATION_DEADLINE)),
        calendar.today(),
        () -> emergencies.unreviewed(task.getExecution()).pending());
    if (!action.close()) {
      task.getExecution().setVariable(EmergencyProcess.REMINDED, false); // a fresh wait, with its own reminder
    }
    task.getExecution().setVariable(EmergencyProcess.OPEN_INVESTIGATION, action.openInvestigation());
  }
}
