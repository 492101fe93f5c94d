package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「失効を登録する（第9条2）」: LAPSED as of the event. A certification that had ended already is
 * answered with the BPMN error `CERTIFICATION_NOT_IN_FORCE`, caught on the task's boundary.
 */
@Component("recordLapse")
public class RecordLapseDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public RecordLapseDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!lifecycle.lapse((String) execution.getVariable(CertificationProcess.NOTIFICATION_ID))) {
      throw new BpmnError(CertificationProcess.ERROR_NOT_IN_FORCE, "認定は既に終了していた");
    }
  }
}
