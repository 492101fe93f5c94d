package jp.iotcert.oversight;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「調査を開始する（第15条）」: an investigation of the service's operations, linked to this emergency. */
@Component("openInvestigationFromEmergency")
public class OpenInvestigationFromEmergencyDelegate implements JavaDelegate {

  private final Emergencies emergencies;
  private final FollowUpCases followUps;

  public OpenInvestigationFromEmergencyDelegate(Emergencies emergencies, FollowUpCases followUps) {
    this.emergencies = emergencies;
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.investigationAfterEmergency(emergencies.forProcess(execution).id(),
        TaskInput.text(execution, EmergencyProcess.CLOSING_SUMMARY),
        TaskInput.text(execution, EmergencyProcess.INVESTIGATION_REQUEST),
        TaskInput.date(execution, EmergencyProcess.INVESTIGATION_DEADLINE));
  }
}
