package jp.iotcert.oversight;

import jp.iotcert.certification.CertificationProcess;

/**
 * Names shared by the `revocation` process model, its form (form-decide-revocation), the DMN table
 * `revocation-grounds` and the code: every process variable, activity id the code addresses, and error.
 */
public final class RevocationProcess {

  public static final String KEY = "revocation";
  /** Sent to the certification's process: it ends as revoked, whatever timers were pending. */
  public static final String MESSAGE_REVOKED = CertificationProcess.MESSAGE_REVOKED;
  /** BPMN error of 「認定を取り消す」: the certification ended otherwise before the revocation was carried out. */
  public static final String ERROR_NOT_IN_FORCE = "CERTIFICATION_NOT_IN_FORCE";

  // Activities the code addresses (joining facts to a waiting case)
  public static final String EVALUATE_GROUNDS = "Task_EvaluateGrounds";
  public static final String DECISION_TASK = "Task_DecideRevocation";

  // The case, shown on the manager's form
  public static final String CASE_ID = "revocationCaseId";
  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String SERVICE_NAME = "serviceName";
  public static final String PROVIDER_NAME = "providerName";
  public static final String CASE_SUMMARY = "caseSummary";

  // The facts of the case: inputs of the DMN table `revocation-grounds` ({@link RevocationFacts})
  public static final String FACT_CRITERIA_NOT_MET = "criteriaNotMet";
  public static final String FACT_FRAUDULENT_CERTIFICATION = "fraudulentCertification";
  public static final String FACT_MARK_MISUSE = "markMisuse";
  public static final String FACT_NOTIFICATION_NEGLECTED = "notificationNeglected";
  public static final String FACT_EMERGENCY_REPORT_NEGLECTED = "emergencyReportNeglected";
  public static final String FACT_INVESTIGATION_REFUSED_OR_FALSE = "investigationRefusedOrFalse";
  public static final String FACT_IMPROVEMENT_IGNORED = "improvementIgnored";
  public static final String FACT_UNLAWFUL_ACT = "unlawfulAct";
  public static final String FACT_SUCCESSION_DOUBT = "successionDoubt";

  /** Result of `revocation-grounds` (resultList): one map per ground with the outputs below. */
  public static final String GROUNDS = "revocationGrounds";
  public static final String GROUND_OUTPUT_GROUND = "ground";
  public static final String GROUND_OUTPUT_ARTICLE = "article";
  public static final String GROUND_OUTPUT_TEXT = "text";
  public static final String GROUNDS_SUMMARY = "groundsSummary";
  public static final String GROUND_COUNT = "groundCount";

  // Form fields of 「認定の取消しを決定する」 and their values
  public static final String DECISION = "revocationDecision";
  public static final String REASONS = "revocationReasons";
  public static final String REVOKE = "REVOKE";
  public static final String KEEP = "KEEP";

  private RevocationProcess() {}
}
