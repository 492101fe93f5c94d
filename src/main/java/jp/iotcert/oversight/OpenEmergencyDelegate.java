package jp.iotcert.oversight;

import jp.iotcert.certification.CertificationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「緊急事態の対応を開始する」 in `certification`: an EMERGENCY notification becomes an `emergency` case (第14条). */
@Component("openEmergency")
public class OpenEmergencyDelegate implements JavaDelegate {

  private final FollowUpCases followUps;

  public OpenEmergencyDelegate(FollowUpCases followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.emergencyForNotification((String) execution.getVariable(CertificationProcess.NOTIFICATION_ID));
  }
}
