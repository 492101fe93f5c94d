package jp.iotcert.oversight;

import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「経過報告を確認する」 and 「報告の遅れに対応する」: wait for the next report, or close
 * with a summary (and, if staff so decide, the request of an investigation). Closing is refused
 * while a report staff have not yet seen is kept with the case: 「次の経過報告を待つ」 shows it next.
 */
@Component("emergencyActionChosen")
public class EmergencyActionChosenListener implements TaskListener {

  private final Emergencies emergencies;
  private final BusinessCalendar calendar;

  public EmergencyActionChosenListener(Emergencies emergencies, BusinessCalendar calendar) {
    this.emergencies = emergencies;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    Object action = task.getVariable(EmergencyProcess.ACTION);
    boolean close = EmergencyProcess.ACTION_CLOSE.equals(action);
    if (!close && !EmergencyProcess.ACTION_CONTINUE.equals(action)) {
      throw new FormRuleViolation(EmergencyProcess.ACTION, "報告を待つ（CONTINUE）か終結する（CLOSE）かを選んでください。");
    }
    TaskInput.maxLength(task, EmergencyProcess.CLOSING_SUMMARY, "終結の概要");
    TaskInput.maxLength(task, EmergencyProcess.INVESTIGATION_REQUEST, "求める説明・資料");
    boolean investigate = Boolean.TRUE.equals(task.getVariable(EmergencyProcess.OPEN_INVESTIGATION));
    if (close) {
      Object shown = task.getVariable(EmergencyProcess.REPORT_COUNT);
      if (emergencies.unreviewed(emergencies.forProcess(task.getExecution()).id(),
          shown instanceof Number n ? n.intValue() : 0).pending()) {
        throw new FormRuleViolation(EmergencyProcess.ACTION,
            "新しい経過報告が届いています。「次の経過報告を待つ」を選ぶと続けて確認できます。確認してから終結してください。");
      }
      if (TaskInput.text(task, EmergencyProcess.CLOSING_SUMMARY).isEmpty()) {
        throw new FormRuleViolation(EmergencyProcess.CLOSING_SUMMARY, "終結するときは概要を記入してください。");
      }
      if (investigate) {
        if (TaskInput.text(task, EmergencyProcess.INVESTIGATION_REQUEST).isEmpty()) {
          throw new FormRuleViolation(EmergencyProcess.INVESTIGATION_REQUEST,
              "調査を開始するときは、事業者に求める説明・資料を記入してください。");
        }
        DateRules.checkFormDeadline(EmergencyProcess.INVESTIGATION_DEADLINE, "調査の提出期限",
            TaskInput.date(task, EmergencyProcess.INVESTIGATION_DEADLINE), calendar.today());
      }
    } else {
      task.getExecution().setVariable(EmergencyProcess.REMINDED, false); // a fresh wait, with its own reminder
    }
    task.getExecution().setVariable(EmergencyProcess.OPEN_INVESTIGATION, close && investigate);
  }
}
