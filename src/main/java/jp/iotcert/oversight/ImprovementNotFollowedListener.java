package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「取消しの提案を判断する」: staff say why the request was not followed
 * ({@link ImprovementRules#checkProposal}) and whether revocation is proposed (the request is closed
 * as not followed by the next step).
 */
@Component("improvementNotFollowed")
public class ImprovementNotFollowedListener implements TaskListener {

  private final ImprovementRules rules;

  public ImprovementNotFollowedListener(ImprovementRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    rules.checkProposal(TaskInput.text(task, ImprovementProcess.PROPOSAL_NOTE));
    task.getExecution().setVariable(ImprovementProcess.PROPOSE_REVOCATION,
        Boolean.TRUE.equals(task.getVariable(ImprovementProcess.PROPOSE_REVOCATION)));
  }
}
