package jp.iotcert.inspection;

/**
 * Names shared by the `on-site-inspection` process model, its forms and the code. The process is
 * called by `certification-application` (第6条3; business key = application number) and by
 * `investigation` (第15条2; business key = certification number).
 */
public final class InspectionProcess {

  public static final String KEY = "on-site-inspection";

  // Variables passed in by the callers, shown in the forms
  public static final String APPLICATION_NUMBER = "applicationNumber";
  /** 「新規」 or 「更新」 of the application (passed in for the Tasklist cards). */
  public static final String APPLICATION_KIND = "applicationKind";
  public static final String CERTIFICATION_NUMBER = "certificationNumber";
  public static final String PROVIDER_NAME = "providerName";
  public static final String SERVICE_NAME = "serviceName";
  /** Of a renewal: the note on the renewed certification (Markdown), shown at the top of the forms. */
  public static final String RENEWAL_NOTE = "renewalNote";
  /**
   * Of a renewal (passed in by `certification-application`; absent for a new application and for an
   * investigation): the end of the day before the last day of validity (java.util.Date). The schedule
   * is due then, the report at the earlier of it and the end of the inspection day.
   */
  public static final String RENEWAL_DECISION_DUE_AT = "renewalDecisionDueAt";

  // Form fields of 「実地調査の日程を調整する」
  public static final String INSPECTION_DATE = "inspectionDate";
  /**
   * Due date of 「実地調査の結果を報告する」: the end of the inspection day (java.util.Date, Asia/Tokyo),
   * computed by `notifyInspectionSchedule` from the scheduled date; null when the date cannot be read.
   */
  public static final String INSPECTION_DUE_AT = "inspectionDueAt";
  public static final String INSPECTION_LOCATION = "inspectionLocation";
  public static final String INSPECTORS = "inspectors";

  // Form fields of 「実地調査の結果を報告する」, passed back to the caller
  public static final String INSPECTION_RESULT = "inspectionResult";
  public static final String INSPECTION_REPORT = "inspectionReport";

  private InspectionProcess() {}
}
