package jp.iotcert.oversight;

/** Names shared by the `investigation` process model (第15条), its forms and the code. */
public final class InvestigationProcess {

  public static final String KEY = "investigation";

  // Messages
  /** The provider's explanation (第15条1). */
  public static final String MESSAGE_EXPLAINED = "explanationReceived";

  // Variables: identity and what the forms show
  public static final String INVESTIGATION_ID = "investigationId";
  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String SERVICE_NAME = "serviceName";
  public static final String PROVIDER_NAME = "providerName";
  public static final String INVESTIGATION_SUMMARY = "investigationSummary";

  // Start form `form-open-investigation`
  public static final String SCOPE_OPERATIONS = "scopeOperations";
  public static final String SCOPE_MARK_USE = "scopeMarkUse";
  public static final String INVESTIGATION_REASON = "investigationReason";
  public static final String INVESTIGATION_REQUEST = "investigationRequest";
  public static final String INVESTIGATION_DEADLINE = "investigationDeadline";
  public static final String DELEGATED_TO = "delegatedTo";

  // The explanation and its deadline
  public static final String EXPLANATION_DEADLINE = "explanationDeadline";
  /** Date of `Timer_ExplanationDeadline`: end of the deadline day. */
  public static final String EXPLANATION_DEADLINE_AT = "explanationDeadlineAt";
  public static final String EXPLANATION_RECEIVED = "explanationReceived";
  public static final String EXPLANATION = "explanation";
  public static final String EXPLANATION_DOCUMENTS = "explanationDocuments";

  // `form-assess-explanation`
  /** Gateway 「実地調査が必要か？」. */
  public static final String EXPLANATION_SUFFICIENT = "explanationSufficient";
  public static final String COOPERATION_REFUSED = "cooperationRefused";
  public static final String FALSE_STATEMENT = "falseStatement";
  public static final String ASSESSMENT_NOTE = "assessmentNote";

  // The `on-site-inspection` call activity and `form-record-inspection-cost`
  public static final String INSPECTION_RESULT = "inspectionResult";
  public static final String INSPECTION_REPORT = "inspectionReport";
  public static final String INSPECTION_COST = "inspectionCost";
  public static final String INSPECTION_COST_NOTE = "inspectionCostNote";

  // `form-decide-investigation`
  /** Gateway 「措置は？」: NONE, IMPROVEMENT, REVOCATION. */
  public static final String OUTCOME = "investigationOutcome";
  public static final String FINDINGS = "findings";
  public static final String IMPROVEMENT_CONTENT = "improvementContent";
  public static final String IMPROVEMENT_DEADLINE = "improvementDeadline";
  public static final String PUBLISH_IMPROVEMENT = "publishImprovement";
  // The facts of 第17条1 staff found (the DMN table `revocation-grounds` reads them from the revocation case)
  public static final String CRITERIA_NOT_MET = "criteriaNotMet";
  public static final String FRAUDULENT_CERTIFICATION = "fraudulentCertification";
  public static final String MARK_MISUSE = "markMisuse";
  public static final String NOTIFICATION_NEGLECTED = "notificationNeglected";
  public static final String EMERGENCY_REPORT_NEGLECTED = "emergencyReportNeglected";
  public static final String UNLAWFUL_ACT = "unlawfulAct";
  public static final String SUCCESSION_DOUBT = "successionDoubt";

  /** Gateway 「認定は有効か？」. */
  public static final String CERTIFICATION_IN_FORCE = OversightCases.CERTIFICATION_IN_FORCE;

  private InvestigationProcess() {}
}
