package jp.iotcert.certification;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names shared by the `certification` process model, its forms, the DMN table `certification-lapse`
 * and the code: every process variable, message and error the model uses.
 */
public final class CertificationProcess {

  public static final String KEY = "certification";

  // Messages from the renewal application (第12条), from notifications (第13条) and from a revocation (第17条)
  public static final String MESSAGE_RENEWAL_CERTIFIED = "renewalCertified";
  public static final String MESSAGE_RENEWAL_REFUSED = "renewalRefused";
  public static final String MESSAGE_NOTIFICATION_RECEIVED = "notificationReceived";
  public static final String MESSAGE_REVOKED = "certificationRevoked";

  /** BPMN error: a notification would end a certification that had ended already (caught on the task's boundary). */
  public static final String ERROR_NOT_IN_FORCE = "CERTIFICATION_NOT_IN_FORCE";

  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  /** Shown on the Tasklist cards (Markdown-escaped like in the other processes); set at the start. */
  public static final String PROVIDER_NAME = "providerName";
  public static final String SERVICE_NAME = "serviceName";
  public static final String VALID_UNTIL = "validUntil";
  // Timer dates (java.util.Date, computed in Java, Asia/Tokyo)
  public static final String RENEWAL_REMINDER_AT = "renewalReminderAt";
  public static final String WINDOW_OPENS_AT = "renewalWindowOpensAt";
  public static final String WINDOW_CLOSES_AT = "renewalWindowClosesAt";
  public static final String VALIDITY_ENDS_AT = "validityEndsAt";
  public static final String RENEWAL_PENDING = "renewalPending";
  /** Input parameter of 「事業者に通知する」 tasks: the {@link ProviderNotice} to send. */
  public static final String NOTICE_KIND = "noticeKind";

  // One notification (第13条, 第9条2, 第14条): local to its event sub-process 「届出の受付」
  public static final String NOTIFICATION_ID = "notificationId";
  /** Also the input of the DMN table `certification-lapse`. */
  public static final String NOTIFICATION_KIND = "kind";
  /** Also the input of the DMN table `certification-lapse`. */
  public static final String PASSES_BUSINESS = "passesCertifiedBusiness";
  public static final String OCCURRED_ON = "occurredOn";
  public static final String NOTIFICATION_EFFECTIVE_AT = "notificationEffectiveAt";
  public static final String NOTIFICATION_SUMMARY = "notificationSummary";
  /** The variables of one notification, moved into its sub-process's own scope. */
  public static final List<String> NOTIFICATION_VARIABLES = List.of(NOTIFICATION_ID, NOTIFICATION_KIND,
      PASSES_BUSINESS, OCCURRED_ON, NOTIFICATION_EFFECTIVE_AT, NOTIFICATION_SUMMARY);
  /** Result of the DMN table `certification-lapse` (LAPSE, TERMINATE, CHANGE, REVIEW, EMERGENCY). */
  public static final String NOTIFICATION_OUTCOME = "notificationOutcome";

  // Form fields: 「変更の届出を審査する」 (form-review-change), 「届出の内容を確認する」 (form-review-notification)
  public static final String CHANGE_ACCEPTED = "changeAccepted";
  public static final String REVIEW_NOTE = "reviewNote";

  // The end of the certification (第10条8, 第13条3)
  public static final String CERTIFICATE_RETURN_REQUIRED = "certificateReturnRequired";
  public static final String CERTIFICATE_RETURN_REMINDER_CYCLE = "certificateReturnReminderCycle";
  /**
   * Due date of 「認定証の返納を確認する」: when the first reminder of the cycle goes out (java.util.Date),
   * set by `decideCertificateReturn`.
   */
  public static final String CERTIFICATE_RETURN_DUE_AT = "certificateReturnDueAt";
  /** Form field of 「認定証の返納を確認する」 (form-confirm-certificate-return). */
  public static final String CERTIFICATE_RETURNED_ON = "certificateReturnedOn";

  /** The variables a `certification` instance starts with. */
  public static Map<String, Object> startVariables(String certificationNumber, String providerName,
      String serviceName) {
    return Map.of(CERTIFICATION_NUMBER, certificationNumber, PROVIDER_NAME, Objects.toString(providerName, ""),
        SERVICE_NAME, Objects.toString(serviceName, ""));
  }

  private CertificationProcess() {}
}
