package jp.iotcert.oversight;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 「説明・資料を評価する」: sufficiency, and the facts of 第17条1(6) recorded with the case. */
@Component("explanationAssessed")
public class ExplanationAssessedListener implements TaskListener {

  private final Investigations investigations;

  public ExplanationAssessedListener(Investigations investigations) {
    this.investigations = investigations;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!(task.getVariable(InvestigationProcess.EXPLANATION_SUFFICIENT) instanceof Boolean)) {
      throw new FormRuleViolation(InvestigationProcess.EXPLANATION_SUFFICIENT, "説明・資料が十分か（はい／いいえ）を選んでください。");
    }
    TaskInput.maxLength(task, InvestigationProcess.ASSESSMENT_NOTE, "評価");
    String note = TaskInput.text(task, InvestigationProcess.ASSESSMENT_NOTE);
    if (note.isEmpty()) {
      throw new FormRuleViolation(InvestigationProcess.ASSESSMENT_NOTE, "評価を記入してください。");
    }
    boolean refused = Boolean.TRUE.equals(task.getVariable(InvestigationProcess.COOPERATION_REFUSED));
    boolean falseStatement = Boolean.TRUE.equals(task.getVariable(InvestigationProcess.FALSE_STATEMENT));
    task.getExecution().setVariable(InvestigationProcess.COOPERATION_REFUSED, refused);
    task.getExecution().setVariable(InvestigationProcess.FALSE_STATEMENT, falseStatement);
    investigations.recordAssessment(investigations.forProcess(task.getExecution()).id(), note, refused, falseStatement);
  }
}
