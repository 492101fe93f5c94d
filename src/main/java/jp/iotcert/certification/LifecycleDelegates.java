package jp.iotcert.certification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The `certification` process's service tasks: glue between the model and {@link CertificationLifecycle}. */
@Configuration
public class LifecycleDelegates {

  /** 「有効期間の日程を設定する」: the timer dates of the current validity. */
  @Bean
  JavaDelegate scheduleValidity(CertificationLifecycle lifecycle) {
    return execution -> {
      Certification c = lifecycle.get(number(execution));
      CertificationLifecycle.Dates dates = lifecycle.dates(c);
      execution.setVariable(CertificationProcess.VALID_UNTIL, c.validUntil().toString());
      execution.setVariable(CertificationProcess.RENEWAL_REMINDER_AT, dates.renewalReminderAt());
      execution.setVariable(CertificationProcess.WINDOW_OPENS_AT, dates.windowOpensAt());
      execution.setVariable(CertificationProcess.WINDOW_CLOSES_AT, dates.windowClosesAt());
      execution.setVariable(CertificationProcess.VALIDITY_ENDS_AT, dates.validityEndsAt());
    };
  }

  /** 「事業者に通知する」: the notice named by the input parameter `noticeKind` ({@link ProviderNotice}). */
  @Bean
  JavaDelegate notifyProvider(CertificationLifecycle lifecycle) {
    return execution -> lifecycle.notify(number(execution),
        ProviderNotice.valueOf((String) execution.getVariable("noticeKind")));
  }

  /** 「更新審査の有無を確認する」: sets `renewalPending`; when true the certification continues (第12条2). */
  @Bean
  JavaDelegate checkRenewalPending(CertificationLifecycle lifecycle) {
    return execution -> execution.setVariable(CertificationProcess.RENEWAL_PENDING,
        lifecycle.continueIfRenewalPending(number(execution)));
  }

  /** 「認定を終了する（期間満了）」. */
  @Bean
  JavaDelegate expireCertification(CertificationLifecycle lifecycle) {
    return execution -> lifecycle.expire(number(execution));
  }

  private static String number(DelegateExecution execution) {
    return (String) execution.getVariable(CertificationProcess.CERTIFICATION_NUMBER);
  }
}
