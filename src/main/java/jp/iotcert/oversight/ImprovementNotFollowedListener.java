package jp.iotcert.oversight;

import jp.iotcert.common.FormRuleViolation;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「取消しの提案を判断する」: staff say why the request was not followed and whether
 * revocation is proposed (the request is closed as not followed by the next step).
 */
@Component("improvementNotFollowed")
public class ImprovementNotFollowedListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInput.maxLength(task, ImprovementProcess.PROPOSAL_NOTE, "所見");
    if (TaskInput.text(task, ImprovementProcess.PROPOSAL_NOTE).isEmpty()) {
      throw new FormRuleViolation(ImprovementProcess.PROPOSAL_NOTE, "所見を記入してください。");
    }
    task.getExecution().setVariable(ImprovementProcess.PROPOSE_REVOCATION,
        Boolean.TRUE.equals(task.getVariable(ImprovementProcess.PROPOSE_REVOCATION)));
  }
}
