package jp.iotcert.oversight;

/** Names shared by the `revocation` process model and the code. */
public final class RevocationProcess {

  public static final String KEY = "revocation";
  public static final String EVALUATE_GROUNDS = "Task_EvaluateGrounds";
  public static final String DECISION_TASK = "Task_DecideRevocation";
  public static final String CASE_ID = "revocationCaseId";
  public static final String GROUNDS = "revocationGrounds";
  public static final String GROUNDS_SUMMARY = "groundsSummary";
  public static final String GROUND_COUNT = "groundCount";
  public static final String CASE_SUMMARY = "caseSummary";
  public static final String DECISION = "revocationDecision";
  public static final String REASONS = "revocationReasons";
  public static final String REVOKE = "REVOKE";
  public static final String KEEP = "KEEP";
  /** Sent to the certification's process: it ends as revoked, whatever timers were pending. */
  public static final String MESSAGE_REVOKED = "certificationRevoked";

  private RevocationProcess() {}
}
