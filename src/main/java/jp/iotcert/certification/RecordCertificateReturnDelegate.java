package jp.iotcert.certification;

import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「認定証の返納を記録する」: the date staff entered in 「認定証の返納を確認する」 (`certificateReturnedOn`). */
@Component("recordCertificateReturn")
public class RecordCertificateReturnDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public RecordCertificateReturnDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.certificateReturned(execution.getProcessBusinessKey(),
        TaskInput.date(execution, CertificationProcess.CERTIFICATE_RETURNED_ON));
  }
}
