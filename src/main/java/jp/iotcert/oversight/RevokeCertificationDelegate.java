package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「認定を取り消す」 (第17条2–3, 第10条8). A certification that ended otherwise while the case was
 * decided (expired, lapsed, terminated) is answered with the BPMN error `CERTIFICATION_NOT_IN_FORCE`,
 * caught on the task's boundary, so the case's history shows the revocation was not carried out.
 */
@Component("revokeCertification")
public class RevokeCertificationDelegate implements JavaDelegate {

  private final Revocations revocations;

  public RevokeCertificationDelegate(Revocations revocations) {
    this.revocations = revocations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean revoked = revocations.revoke(execution.getProcessBusinessKey(),
        RevocationGrounds.of(execution.getVariable(RevocationProcess.GROUNDS)).described(),
        TaskInput.text(execution, RevocationProcess.REASONS));
    if (!revoked) {
      throw new BpmnError(RevocationProcess.ERROR_NOT_IN_FORCE, "認定は既に終了していた");
    }
  }
}
