package jp.iotcert.certification;

/** Names shared by the `certification` process model and the code. */
public final class CertificationProcess {

  public static final String KEY = "certification";

  // Messages from the renewal application (第12条)
  public static final String MESSAGE_RENEWAL_CERTIFIED = "renewalCertified";
  public static final String MESSAGE_RENEWAL_REFUSED = "renewalRefused";

  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String VALID_UNTIL = "validUntil";
  // Timer dates (java.util.Date, computed in Java, Asia/Tokyo)
  public static final String RENEWAL_REMINDER_AT = "renewalReminderAt";
  public static final String WINDOW_OPENS_AT = "renewalWindowOpensAt";
  public static final String WINDOW_CLOSES_AT = "renewalWindowClosesAt";
  public static final String VALIDITY_ENDS_AT = "validityEndsAt";
  public static final String RENEWAL_PENDING = "renewalPending";

  private CertificationProcess() {}
}
