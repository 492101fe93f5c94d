package jp.iotcert.certification;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
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

  /** 「失効を登録する」 (第9条2): LAPSED as of the event; the certification ends without a certificate return. */
  @Bean
  JavaDelegate recordLapse(CertificationLifecycle lifecycle) {
    return execution -> {
      lifecycle.lapse((String) execution.getVariable(CertificationNotifications.NOTIFICATION_ID));
      execution.getProcessInstance().setVariable(CERTIFICATE_RETURN_REQUIRED, false);
    };
  }

  /** 「サービス終了を登録する」 (第13条2): TERMINATED as of the stated day; the certificate is to be returned (第13条3). */
  @Bean
  JavaDelegate recordTermination(CertificationLifecycle lifecycle,
      @Value("${iotcert.lifecycle.certificate-return-reminders:R6/P14D}")
      String reminderCycle) {
    return execution -> {
      // Only a termination that ended the certification asks for the certificate back.
      boolean terminated = lifecycle.terminate((String) execution.getVariable(CertificationNotifications.NOTIFICATION_ID));
      execution.getProcessInstance().setVariable(CERTIFICATE_RETURN_REQUIRED, terminated);
      execution.getProcessInstance().setVariable("certificateReturnReminderCycle", reminderCycle);
    };
  }

  /** 「認定証の返納を督促する」. */
  @Bean
  JavaDelegate remindCertificateReturn(CertificationLifecycle lifecycle) {
    return execution -> lifecycle.remindCertificateReturn(number(execution));
  }

  /** 「認定証の返納を記録する」: the date staff entered in their task. */
  @Bean
  JavaDelegate recordCertificateReturn(CertificationLifecycle lifecycle) {
    return execution -> lifecycle.certificateReturned(number(execution),
        LocalDate.parse(String.valueOf(execution.getVariable("certificateReturnedOn")).substring(0, 10)));
  }

  /**
   * Start listener of the event sub-process 「届出の受付」: moves the notification's variables from the
   * process into the sub-process's own scope, so each notification works on its own data.
   */
  @Bean
  ExecutionListener captureNotification() {
    return execution -> {
      for (String name : CertificationNotifications.LOCAL_VARIABLES) {
        Object value = execution.getVariable(name);
        execution.getProcessInstance().removeVariable(name);
        execution.setVariableLocal(name, value);
      }
    };
  }

  static final String CERTIFICATE_RETURN_REQUIRED = "certificateReturnRequired";

  private static String number(DelegateExecution execution) {
    // The business key: a variable could be rewritten, the key cannot.
    return execution.getProcessBusinessKey();
  }
}
