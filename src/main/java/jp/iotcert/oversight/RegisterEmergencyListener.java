package jp.iotcert.oversight;

import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start listener of 緊急事態の把握: an emergency staff found, started in Tasklist (`form-open-emergency`), see {@link TasklistStart}. */
@Component("registerEmergency")
public class RegisterEmergencyListener implements ExecutionListener {

  private final Emergencies emergencies;
  private final CertificationRegister register;

  public RegisterEmergencyListener(Emergencies emergencies, CertificationRegister register) {
    this.emergencies = emergencies;
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) {
    TasklistStart.register(execution, register, EmergencyProcess.CERTIFICATION_NUMBER, EmergencyProcess.EMERGENCY_ID,
        emergencies::bind,
        (c, user) -> emergencies.registerByStaff(c, new Emergencies.NewEmergency(
            TaskInput.date(execution, EmergencyProcess.OCCURRED_ON), TaskInput.text(execution, EmergencyProcess.DESCRIPTION)),
            user));
  }
}
