package jp.iotcert.oversight;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of 「実地調査の費用を記録する」 (第15条3): a whole number of yen, 0 when nothing is charged. */
@Component("inspectionCostRecorded")
public class InspectionCostRecordedListener implements TaskListener {

  private static final long MAX_COST = 100_000_000L;

  private final Investigations investigations;

  public InspectionCostRecordedListener(Investigations investigations) {
    this.investigations = investigations;
  }

  @Override
  public void notify(DelegateTask task) {
    Object value = task.getVariable(InvestigationProcess.INSPECTION_COST);
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0
        || n.longValue() > MAX_COST) {
      throw new FormRuleViolation(InvestigationProcess.INSPECTION_COST, "実地調査の費用を0円以上の整数（円）で入力してください。");
    }
    String note = TaskInput.text(task, InvestigationProcess.INSPECTION_COST_NOTE);
    if (note.length() > 1000) {
      throw new FormRuleViolation(InvestigationProcess.INSPECTION_COST_NOTE, "費用の内訳は1000文字以内で入力してください。");
    }
    task.getExecution().setVariable(InvestigationProcess.INSPECTION_COST, n.longValue());
    investigations.recordInspectionCost(investigations.forProcess(task.getExecution()).id(), n.longValue(), note);
  }
}
