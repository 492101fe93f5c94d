package jp.iotcert.certification;

import jp.iotcert.common.BusinessCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of 「認定証の返納を確認する」: a day of receipt that can be read and is not in the future
 * ({@link CertificateReturnRule#returnedOn}). Checked here, with the task still open, because the date
 * is stored only after the task (「認定証の返納を記録する」, after `asyncAfter`): an unreadable value sent
 * through /engine-rest would otherwise be accepted and then fail that job as an incident.
 */
@Component("certificateReturnConfirmed")
public class CertificateReturnConfirmedListener implements TaskListener {

  private final CertificateReturnRule rule;
  private final BusinessCalendar calendar;

  public CertificateReturnConfirmedListener(CertificateReturnRule rule, BusinessCalendar calendar) {
    this.rule = rule;
    this.calendar = calendar;
  }

  @Override
  public void notify(DelegateTask task) {
    rule.returnedOn(task.getVariable(CertificationProcess.CERTIFICATE_RETURNED_ON), calendar.today());
  }
}
