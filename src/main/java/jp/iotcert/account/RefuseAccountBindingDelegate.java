package jp.iotcert.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「承認しない旨を通知する」: the refused account (business key) acts nowhere; the applicant gets the reason. */
@Component("refuseAccountBinding")
public class RefuseAccountBindingDelegate implements JavaDelegate {

  private final Registrations registrations;

  public RefuseAccountBindingDelegate(Registrations registrations) {
    this.registrations = registrations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registrations.refuse(execution.getProcessBusinessKey());
  }
}
