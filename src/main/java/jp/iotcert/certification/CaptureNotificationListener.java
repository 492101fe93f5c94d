package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the event sub-process 「届出の受付」: moves the notification's variables from the
 * process into the sub-process's own scope, so each notification works on its own data.
 */
@Component("captureNotification")
public class CaptureNotificationListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    for (String name : CertificationProcess.NOTIFICATION_VARIABLES) {
      Object value = execution.getVariable(name);
      execution.getProcessInstance().removeVariable(name);
      execution.setVariableLocal(name, value);
    }
  }
}
