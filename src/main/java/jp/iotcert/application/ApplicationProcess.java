package jp.iotcert.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Names shared by the `certification-application` process model and the code. */
public final class ApplicationProcess {

  public static final String KEY = "certification-application";

  // Messages
  public static final String MESSAGE_SUPPLEMENTED = "applicationSupplemented";
  public static final String MESSAGE_FEE_PAID = "feePaid";
  public static final String MESSAGE_WITHDRAWAL = "withdrawalRequested";

  // Variables: identity of the case
  public static final String APPLICATION_NUMBER = "applicationNumber";
  public static final String APPLICATION_TYPE = "applicationType";
  /** 「新規」 or 「更新」 ({@link ApplicationType#label()}): shown on the Tasklist cards. */
  public static final String APPLICATION_KIND = "applicationKind";
  public static final String CORPORATE_NUMBER = "corporateNumber";
  public static final String PROVIDER_NAME = "providerName";
  public static final String SERVICE_NAME = "serviceName";
  public static final String CHANNEL = "channel";
  /**
   * Of a renewal: Markdown at the top of every form of the application (and of the inspection and
   * committee it calls): the certification renewed, its validity, the mark-use self-declaration
   * (第10条第7項). Not set for a new application, whose forms hide it.
   */
  public static final String RENEWAL_NOTE = "renewalNote";

  // Variables: 第8条
  public static final String REFUSAL_GROUND = "refusalGround";
  public static final String REVOKED_ON = "revokedOn";

  // Variables: completeness and supplements
  public static final String AUTO_COMPLETE = "autoComplete";
  public static final String MISSING_ITEMS = "missingItems";
  public static final String DOCUMENTS_COMPLETE = "documentsComplete";
  public static final String SUPPLEMENT_REQUEST = "supplementRequest";
  public static final String SUPPLEMENT_DEADLINE_AT = "supplementDeadlineAt";
  /**
   * After a supplement: Markdown for the next completeness check (the request answered, the
   * applicant's message, the new documents and disclosure items); set when the supplement arrives.
   */
  public static final String SUPPLEMENT_SUMMARY = "supplementSummary";

  // Variables: the corporate-number existence check (第4条第1項第2号), before the completeness check
  /**
   * The connector task 「法人番号を国税庁に照会する」's output: the NTA's answer reduced to what is compared
   * ({@link jp.iotcert.corporatenumber.NtaAnswer}); removed once compared.
   */
  public static final String CORPORATE_NUMBER_ANSWER = "corporateNumberAnswer";
  /** True when the NTA's record confirmed the applicant; false otherwise (the staff then check by hand). */
  public static final String CORPORATE_NUMBER_CONFIRMED = "corporateNumberConfirmed";
  /** Markdown for 「申請書類を確認する」: the check's outcome, the NTA's record and the reasons. */
  public static final String CORPORATE_NUMBER_CHECK_TEXT = "corporateNumberCheckText";
  /** The boundary event 「照会できない」's error message (Japanese, without the application id). */
  public static final String LOOKUP_ERROR = "corporateNumberLookupError";
  /** Staff's tick 「登記事項証明書で法人の実在を確認した」, required when the check did not confirm. */
  public static final String CORPORATION_VERIFIED = "corporationVerified";
  /**
   * Camunda Connect's http-connector request parameters (inputs of the connector, which exist only
   * in the connector's own variable scope: never process variables, never in history) and its
   * response variables, read by the connector's output mapping.
   */
  public static final String CONNECTOR_URL = "url";
  public static final String CONNECTOR_METHOD = "method";
  public static final String CONNECTOR_HEADERS = "headers";
  public static final String CONNECTOR_RESPONSE = "response";
  public static final String CONNECTOR_STATUS_CODE = "statusCode";

  // Variables: fee (第5条)
  public static final String FEE_AMOUNT = "feeAmount";
  public static final String FEE_REMINDER_AT = "feeReminderAt";
  public static final String FEE_DUE_AT = "feeDueAt";

  // Task due dates (java.util.Date, computed in Java, Asia/Tokyo)
  /**
   * Of a renewal (第12条): the review and the decision are due by the end of the day before the last
   * day of validity of the certification renewed; null for a new application (no due date).
   */
  public static final String RENEWAL_DECISION_DUE_AT = "renewalDecisionDueAt";

  // Variables: review, decision
  public static final String DISCLOSURE_SUMMARY = "disclosureSummary";
  public static final String DOCUMENT_LINKS = "documentLinks";
  public static final String CRITERIA_ITEMS = "criteriaItems";
  public static final String CONFORMING_ITEMS = "conformingItems";
  /** 「すべて適合（例外のみ外す）」: every offered item counts as conforming but {@link #CONFORMING_EXCEPTIONS}. */
  public static final String ALL_CONFORMING = "allConforming";
  /** The items excepted from {@link #ALL_CONFORMING} (a checklist of the offered items). */
  public static final String CONFORMING_EXCEPTIONS = "conformingExceptions";
  public static final String REVIEW_RESULT = "reviewResult";
  public static final String REVIEW_FINDINGS = "reviewFindings";
  public static final String NON_CONFORMING_ITEMS = "nonConformingItems";
  /**
   * 第11条2: the options of the review form's checklist of the applicant's requests to withhold
   * items (a JSON array set when the review starts, from the stored application; absent without
   * requests, which hides the section).
   */
  public static final String WITHHOLDING_REQUESTS = "withholdingRequests";
  /** The requests the reviewer accepts (checklist); every other request is rejected. */
  public static final String WITHHOLDING_ACCEPTED = "withholdingAccepted";
  /** Why each rejected request is rejected: one line per request, 「項目ID: 理由」. */
  public static final String WITHHOLDING_REJECTIONS = "withholdingRejections";
  /**
   * Markdown of the requests (item, definition, the applicant's reason) and, once judged, the
   * judgements: shown in the review and decision forms; absent without requests.
   */
  public static final String WITHHOLDING_SUMMARY = "withholdingSummary";
  public static final String INSPECTION_REQUIRED = "inspectionRequired";
  public static final String COMMITTEE_REQUIRED = "committeeRequired";
  public static final String DECISION = "decision";
  public static final String DECISION_REASONS = "decisionReasons";
  /** Why the manager certifies although the review found the application 不適合 (第6条1). */
  public static final String NON_CONFORMITY_OVERRIDE = "nonConformityOverride";
  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";

  // Variables: passed back by the called processes (on-site-inspection, committee-review)
  public static final String INSPECTION_RESULT = "inspectionResult";
  public static final String INSPECTION_REPORT = "inspectionReport";
  public static final String COMMITTEE_OPINION = "committeeOpinion";
  public static final String COMMITTEE_SUMMARY = "committeeSummary";
  /**
   * The schedule an on-site-inspection 1.0.0 instance (which notified through `notifyApplicant`)
   * holds; later versions notify through `notifyInspectionSchedule`.
   */
  public static final String INSPECTION_DATE = "inspectionDate";
  public static final String INSPECTION_LOCATION = "inspectionLocation";
  public static final String INSPECTORS = "inspectors";

  // Input parameters of service tasks
  /** Of 「…を通知する」 (`notifyApplicant`): the {@link ApplicantNotice} to send. */
  public static final String NOTICE_KIND = "noticeKind";
  /** Of 「申請を終了する」 (`endApplication`): the {@link ApplicationOutcome} the application ends with. */
  public static final String OUTCOME = "outcome";

  public static final String DECISION_CERTIFY = "CERTIFY";
  public static final String DECISION_REFUSE = "REFUSE";
  /** Value of {@link #APPLICATION_TYPE} for a renewal (第12条); the gateway 「更新申請か？」 asks it. */
  public static final String TYPE_RENEWAL = "RENEWAL";

  /**
   * The application a `certification-application` instance (and its `on-site-inspection` and
   * `committee-review` call activities, which inherit the business key) works on: the business key,
   * which no user can change, never the `applicationNumber` variable, which is only shown in forms.
   */
  public static String applicationNumber(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private ApplicationProcess() {}
}
