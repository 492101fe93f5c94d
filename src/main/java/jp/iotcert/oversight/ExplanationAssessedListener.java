package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「説明・資料を評価する」: sufficiency ({@link InvestigationRules#checkAssessment}), and the
 * facts of 第17条1(6) recorded with the case.
 */
@Component("explanationAssessed")
public class ExplanationAssessedListener implements TaskListener {

  private final InvestigationRules rules;
  private final Investigations investigations;

  public ExplanationAssessedListener(InvestigationRules rules, Investigations investigations) {
    this.rules = rules;
    this.investigations = investigations;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = TaskInput.text(task, InvestigationProcess.ASSESSMENT_NOTE);
    rules.checkAssessment(task.getVariable(InvestigationProcess.EXPLANATION_SUFFICIENT) instanceof Boolean b ? b : null,
        note);
    boolean refused = Boolean.TRUE.equals(task.getVariable(InvestigationProcess.COOPERATION_REFUSED));
    boolean falseStatement = Boolean.TRUE.equals(task.getVariable(InvestigationProcess.FALSE_STATEMENT));
    task.getExecution().setVariable(InvestigationProcess.COOPERATION_REFUSED, refused);
    task.getExecution().setVariable(InvestigationProcess.FALSE_STATEMENT, falseStatement);
    investigations.recordAssessment(investigations.forProcess(task.getExecution()).id(), note, refused, falseStatement);
  }
}
