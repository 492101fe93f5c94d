package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「有効期間の日程を設定する」: the timer dates of the current validity (第9条, 第12条1). */
@Component("scheduleValidity")
public class ScheduleValidityDelegate implements JavaDelegate {

  private final CertificationLifecycle lifecycle;

  public ScheduleValidityDelegate(CertificationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The business key is the certification number: a variable could be rewritten, the key cannot.
    CertificationLifecycle.Dates dates = lifecycle.dates(execution.getProcessBusinessKey());
    execution.setVariable(CertificationProcess.VALID_UNTIL, dates.validUntil().toString());
    execution.setVariable(CertificationProcess.RENEWAL_REMINDER_AT, dates.renewalReminderAt());
    execution.setVariable(CertificationProcess.WINDOW_OPENS_AT, dates.windowOpensAt());
    execution.setVariable(CertificationProcess.WINDOW_CLOSES_AT, dates.windowClosesAt());
    execution.setVariable(CertificationProcess.VALIDITY_ENDS_AT, dates.validityEndsAt());
  }
}
