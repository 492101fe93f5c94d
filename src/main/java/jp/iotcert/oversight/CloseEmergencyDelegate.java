package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「緊急事態を終結する」: the case is recorded as closed with staff's summary (the notice is the next step). */
@Component("closeEmergency")
public class CloseEmergencyDelegate implements JavaDelegate {

  private final Emergencies emergencies;

  public CloseEmergencyDelegate(Emergencies emergencies) {
    this.emergencies = emergencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    emergencies.close(emergencies.forProcess(execution).id(), TaskInput.text(execution, EmergencyProcess.CLOSING_SUMMARY));
  }
}
