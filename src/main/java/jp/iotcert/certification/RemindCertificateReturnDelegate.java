package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「認定証の返納を督促する」: the reminder notice (第10条8, 第13条3). */
@Component("remindCertificateReturn")
public class RemindCertificateReturnDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public RemindCertificateReturnDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.remindCertificateReturn(execution.getProcessBusinessKey());
  }
}
