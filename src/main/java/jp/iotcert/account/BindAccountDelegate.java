package jp.iotcert.account;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「アカウントを法人番号に紐付ける」: binds the approved account (business key) and tells the applicant. */
@Component("bindAccount")
public class BindAccountDelegate implements JavaDelegate {

  private final Registrations registrations;

  public BindAccountDelegate(Registrations registrations) {
    this.registrations = registrations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    registrations.bind(execution.getProcessBusinessKey());
  }
}
