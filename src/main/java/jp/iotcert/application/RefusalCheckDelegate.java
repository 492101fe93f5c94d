package jp.iotcert.application;

import jp.iotcert.certification.RefusalRule;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「認定拒否事由を確認する」 (第8条): sets `refusalGround` and, when true, `revokedOn`. */
@Component("refusalCheck")
public class RefusalCheckDelegate implements JavaDelegate {

  private final ApplicationRepository applications;
  private final RefusalRule rule;

  public RefusalCheckDelegate(ApplicationRepository applications, RefusalRule rule) {
    this.applications = applications;
    this.rule = rule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Application a = applications.get(ApplicationProcess.applicationNumber(execution));
    var revokedOn = rule.barringRevocation(a.corporateNumber(), a.serviceName(), a.applicationDate());
    execution.setVariable(ApplicationProcess.REFUSAL_GROUND, revokedOn.isPresent());
    revokedOn.ifPresent(d -> execution.setVariable(ApplicationProcess.REVOKED_ON, d.toString()));
  }
}
