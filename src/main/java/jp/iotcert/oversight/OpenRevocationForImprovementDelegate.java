package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「取消しの手続を開始する」: a revocation case with the fact of 第17条1(7). */
@Component("openRevocationForImprovement")
public class OpenRevocationForImprovementDelegate implements JavaDelegate {

  private final FollowUpCases followUps;

  public OpenRevocationForImprovementDelegate(FollowUpCases followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.revocationForIgnoredImprovement((String) execution.getVariable(ImprovementProcess.REQUEST_ID),
        TaskInput.text(execution, ImprovementProcess.PROPOSAL_NOTE));
  }
}
