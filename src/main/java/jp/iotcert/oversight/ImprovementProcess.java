package jp.iotcert.oversight;

/** Names shared by the `improvement-request` process model (第16条), its forms and the code. */
public final class ImprovementProcess {

  public static final String KEY = "improvement-request";

  // Messages
  /** The provider's report of the measures taken. */
  public static final String MESSAGE_REPORTED = "improvementReported";

  // Variables: identity and what the forms show
  public static final String REQUEST_ID = "improvementRequestId";
  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String SERVICE_NAME = "serviceName";
  public static final String PROVIDER_NAME = "providerName";
  public static final String CONTENT = "improvementContent";
  public static final String DEADLINE = "improvementDeadline";
  /** Date of `Timer_ImprovementDeadline`: end of the deadline day. */
  public static final String DEADLINE_AT = "improvementDeadlineAt";
  public static final String REPORT = "improvementReport";
  /** Gateway 「公表するか？」 (第16条2), decided when the request was made. */
  public static final String PUBLISHED = "improvementPublished";

  // `form-verify-improvement`
  /** Gateway 「改善されたか？」. */
  public static final String IMPROVED = "improved";
  public static final String VERIFICATION_NOTE = "verificationNote";

  // `form-propose-revocation`
  /** Gateway 「取消しを提案するか？」. */
  public static final String PROPOSE_REVOCATION = "proposeRevocation";
  public static final String PROPOSAL_NOTE = "proposalNote";

  /** Gateway 「認定は有効か？」. */
  public static final String CERTIFICATION_IN_FORCE = OversightCases.CERTIFICATION_IN_FORCE;

  private ImprovementProcess() {}
}
