package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「終結を通知する」: the provider is told the emergency is closed, with the summary. */
@Component("notifyEmergencyClosed")
public class NotifyEmergencyClosedDelegate implements JavaDelegate {

  private final Emergencies emergencies;

  public NotifyEmergencyClosedDelegate(Emergencies emergencies) {
    this.emergencies = emergencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    emergencies.sendClosedNotice(emergencies.forProcess(execution).id());
  }
}
