package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「更新審査の有無を確認する」: sets `renewalPending`; when true the certification continues (第12条2). */
@Component("checkRenewalPending")
public class CheckRenewalPendingDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public CheckRenewalPendingDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CertificationProcess.RENEWAL_PENDING,
        lifecycle.continueIfRenewalPending(execution.getProcessBusinessKey()));
  }
}
