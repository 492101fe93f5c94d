package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「実地調査の費用を記録する」 (第15条3): the cost as {@link InvestigationRules#inspectionCost}
 * takes it, a whole number of yen (0 when nothing is charged), kept as a Long variable and with the case.
 */
@Component("inspectionCostRecorded")
public class InspectionCostRecordedListener implements TaskListener {

  private final InvestigationRules rules;
  private final Investigations investigations;

  public InspectionCostRecordedListener(InvestigationRules rules, Investigations investigations) {
    this.rules = rules;
    this.investigations = investigations;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = TaskInput.text(task, InvestigationProcess.INSPECTION_COST_NOTE);
    long cost = rules.inspectionCost(task.getVariable(InvestigationProcess.INSPECTION_COST), note);
    task.getExecution().setVariable(InvestigationProcess.INSPECTION_COST, cost);
    investigations.recordInspectionCost(investigations.forProcess(task.getExecution()).id(), cost, note);
  }
}
