package jp.iotcert.certification;

/** Names shared by the `certification` process model and the code. */
public final class CertificationProcess {

  public static final String KEY = "certification";

  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String VALID_UNTIL = "validUntil";
  public static final String VALIDITY_ENDS_AT = "validityEndsAt";

  private CertificationProcess() {}
}
