package jp.iotcert.oversight;

import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.TaskInput;
import jp.iotcert.oversight.Investigations.Outcome;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「調査の結果を判断する」: the outcome, and what it needs (the request's content and
 * deadline), as {@link InvestigationRules#decide} allows.
 */
@Component("investigationDecided")
public class InvestigationDecidedListener implements TaskListener {

  private final InvestigationRules rules;
  private final BusinessCalendar calendar;

  public InvestigationDecidedListener(InvestigationRules rules, BusinessCalendar calendar) {
    this.rules = rules;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    Outcome outcome = rules.decide(new InvestigationRules.Decision(
            TaskInput.text(task, InvestigationProcess.OUTCOME),
            TaskInput.text(task, InvestigationProcess.FINDINGS),
            TaskInput.text(task, InvestigationProcess.IMPROVEMENT_CONTENT),
            TaskInput.date(task, InvestigationProcess.IMPROVEMENT_DEADLINE),
            task.getVariable(InvestigationProcess.PUBLISH_IMPROVEMENT) instanceof Boolean b ? b : null),
        calendar.today());
    task.getExecution().setVariable(InvestigationProcess.OUTCOME, outcome.name());
  }
}
