package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「改善を要請する（第16条）」: an `improvement-request` with the content and deadline staff decided. */
@Component("openImprovementFromInvestigation")
public class OpenImprovementFromInvestigationDelegate implements JavaDelegate {

  private final Investigations investigations;
  private final FollowUpCases followUps;

  public OpenImprovementFromInvestigationDelegate(Investigations investigations, FollowUpCases followUps) {
    this.investigations = investigations;
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.improvementAfterInvestigation(investigations.forProcess(execution).id(),
        TaskInput.text(execution, InvestigationProcess.IMPROVEMENT_CONTENT),
        TaskInput.date(execution, InvestigationProcess.IMPROVEMENT_DEADLINE),
        (Boolean) execution.getVariable(InvestigationProcess.PUBLISH_IMPROVEMENT));
  }
}
