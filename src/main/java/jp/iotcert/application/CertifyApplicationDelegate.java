package jp.iotcert.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「認定を登録する」 (第6条1, 第6条5, 第11条): issues the certification number and certificate,
 * enters the register, starts (or, for a renewal, renews) the service's `certification` lifecycle
 * ({@link ApplicationOutcomes#certify}), and sets `certificationNumber`. The application ends in the
 * next step, 「申請を終了する（認定）」.
 */
@Component("certifyApplication")
public class CertifyApplicationDelegate implements JavaDelegate {

  private final ApplicationOutcomes outcomes;

  public CertifyApplicationDelegate(ApplicationOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ApplicationProcess.CERTIFICATION_NUMBER,
        outcomes.certify(ApplicationProcess.applicationNumber(execution)));
  }
}
