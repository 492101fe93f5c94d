package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「認定を終了する（期間満了）」 (第9条, 第10条6, 第11条3). */
@Component("expireCertification")
public class ExpireCertificationDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public ExpireCertificationDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.expire(execution.getProcessBusinessKey());
  }
}
