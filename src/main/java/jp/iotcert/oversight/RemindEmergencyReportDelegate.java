package jp.iotcert.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「経過報告を督促する」: the reminder, once per wait (`reminded`). */
@Component("remindEmergencyReport")
public class RemindEmergencyReportDelegate implements JavaDelegate {

  private final Emergencies emergencies;

  public RemindEmergencyReportDelegate(Emergencies emergencies) {
    this.emergencies = emergencies;
  }

  @Override
  public void execute(DelegateExecution execution) {
    emergencies.sendReportReminder(emergencies.forProcess(execution).id());
    execution.setVariable(EmergencyProcess.REMINDED, true);
  }
}
