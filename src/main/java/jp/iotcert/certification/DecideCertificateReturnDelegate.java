package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「認定証の返納要否を判定する」 in 「認定の終了」: whether the certificate is to be returned
 * ({@link CertificateReturnRule}: 第10条8, 第13条3), how often to remind the provider, and when the
 * return is due (the first reminder), the due date of 「認定証の返納を確認する」.
 */
@Component("decideCertificateReturn")
public class DecideCertificateReturnDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public DecideCertificateReturnDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CertificationLifecycle.CertificateReturn certificateReturn = lifecycle.certificateReturn(execution.getProcessBusinessKey());
    execution.setVariable(CertificationProcess.CERTIFICATE_RETURN_REQUIRED, certificateReturn.required());
    execution.setVariable(CertificationProcess.CERTIFICATE_RETURN_REMINDER_CYCLE, certificateReturn.reminderCycle());
    execution.setVariable(CertificationProcess.CERTIFICATE_RETURN_DUE_AT, certificateReturn.dueAt());
  }
}
