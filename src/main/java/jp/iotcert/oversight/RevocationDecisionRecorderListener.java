package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「認定の取消しを決定する」: hands the manager's decision to {@link Revocations#decide},
 * which checks it ({@link RevocationDecisionRule}, 第17条1) and records it.
 */
@Component("revocationDecisionRecorder")
public class RevocationDecisionRecorderListener implements TaskListener {

  private final Revocations revocations;

  public RevocationDecisionRecorderListener(Revocations revocations) {
    this.revocations = revocations;
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(RevocationProcess.DECISION);
    revocations.decide((String) task.getVariable(RevocationProcess.CASE_ID), decision == null ? null : decision.toString(),
        RevocationGrounds.of(task.getVariable(RevocationProcess.GROUNDS)).articles(),
        TaskInput.text(task, RevocationProcess.REASONS), task.getAssignee() == null ? "manager" : task.getAssignee());
  }
}
