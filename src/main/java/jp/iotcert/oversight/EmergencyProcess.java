package jp.iotcert.oversight;

/** Names shared by the `emergency` process model (第14条), its forms and the code. */
public final class EmergencyProcess {

  public static final String KEY = "emergency";

  // Messages
  /** A progress report of the provider, correlated while the case waits for one. */
  public static final String MESSAGE_REPORTED = "emergencyReported";

  // Variables: identity and what the forms show
  public static final String EMERGENCY_ID = "emergencyId";
  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String SERVICE_NAME = "serviceName";
  public static final String PROVIDER_NAME = "providerName";
  public static final String EMERGENCY_SOURCE = "emergencySource";
  public static final String EMERGENCY_SUMMARY = "emergencySummary";

  // Start form `form-open-emergency` (staff record an emergency they found)
  public static final String OCCURRED_ON = "occurredOn";
  public static final String DESCRIPTION = "description";

  // `form-assess-emergency`: a fact for 第17条1(5)
  public static final String NOTIFIED_PROMPTLY = "notifiedPromptly";
  public static final String STAFF_NOTE = "staffNote";

  // Reports: what the check step hands to 「経過報告を確認する」
  /** Gateway 「未確認の報告があるか？」: set only by `checkPendingReports`. */
  public static final String REPORT_PENDING = "reportPending";
  /** The reports not yet reviewed, newest last. */
  public static final String LATEST_REPORT = "latestReport";
  /** How many reports have been handed to staff so far; a later one blocks closing. */
  public static final String REPORT_COUNT = "reportCount";

  // Timer and reminder
  /** Duration of `Timer_ReportOverdue` (ISO period, `iotcert.oversight.emergency-report-interval`). */
  public static final String REPORT_INTERVAL = "emergencyReportInterval";
  /** Gateway 「督促済みか？」. */
  public static final String REMINDED = "reminded";

  // `form-review-emergency-report`, `form-follow-up-emergency`
  /** Gateway 「終結するか？」. */
  public static final String ACTION = "emergencyAction";
  public static final String ACTION_CLOSE = "CLOSE";
  public static final String ACTION_CONTINUE = "CONTINUE";
  public static final String CLOSING_SUMMARY = "closingSummary";
  /** Gateway 「調査を開始するか？」. */
  public static final String OPEN_INVESTIGATION = "openInvestigation";
  public static final String INVESTIGATION_REQUEST = "investigationRequest";
  public static final String INVESTIGATION_DEADLINE = "investigationDeadline";

  /** Gateway 「認定は有効か？」. */
  public static final String CERTIFICATION_IN_FORCE = OversightCases.CERTIFICATION_IN_FORCE;

  private EmergencyProcess() {}
}
