package jp.iotcert.oversight;

import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import jp.iotcert.oversight.Investigations.Outcome;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 「調査の結果を判断する」: the outcome, and what it needs (the request's content and deadline). */
@Component("investigationDecided")
public class InvestigationDecidedListener implements TaskListener {

  private final BusinessCalendar calendar;

  public InvestigationDecidedListener(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    Outcome outcome;
    try {
      outcome = Outcome.valueOf(TaskInput.text(task, InvestigationProcess.OUTCOME));
    } catch (IllegalArgumentException e) {
      throw new FormRuleViolation(InvestigationProcess.OUTCOME, "措置（NONE, IMPROVEMENT, REVOCATION）を選んでください。");
    }
    TaskInput.maxLength(task, InvestigationProcess.FINDINGS, "調査の結果");
    TaskInput.maxLength(task, InvestigationProcess.IMPROVEMENT_CONTENT, "改善の要請の内容");
    if (TaskInput.text(task, InvestigationProcess.FINDINGS).isEmpty()) {
      throw new FormRuleViolation(InvestigationProcess.FINDINGS, "調査の結果を記入してください。");
    }
    if (outcome == Outcome.IMPROVEMENT) {
      if (TaskInput.text(task, InvestigationProcess.IMPROVEMENT_CONTENT).isEmpty()) {
        throw new FormRuleViolation(InvestigationProcess.IMPROVEMENT_CONTENT, "改善の要請の内容を記入してください。");
      }
      DateRules.checkFormDeadline(InvestigationProcess.IMPROVEMENT_DEADLINE, "改善の期限",
          TaskInput.date(task, InvestigationProcess.IMPROVEMENT_DEADLINE), calendar.today());
      if (!(task.getVariable(InvestigationProcess.PUBLISH_IMPROVEMENT) instanceof Boolean)) {
        throw new FormRuleViolation(InvestigationProcess.PUBLISH_IMPROVEMENT, "改善の要請を公表するか（第16条第2項）を選んでください。");
      }
    }
    task.getExecution().setVariable(InvestigationProcess.OUTCOME, outcome.name());
  }
}
