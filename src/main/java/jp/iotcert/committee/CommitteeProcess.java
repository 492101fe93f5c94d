package jp.iotcert.committee;

/** Names shared by the `committee-review` process model, its forms and the code (第7条). */
public final class CommitteeProcess {

  public static final String KEY = "committee-review";

  // Variables passed in by the calling certification-application
  public static final String APPLICATION_NUMBER = "applicationNumber";
  /** 「新規」 or 「更新」 of the application (passed in for the Tasklist cards). */
  public static final String APPLICATION_KIND = "applicationKind";
  public static final String CORPORATE_NUMBER = "corporateNumber";
  public static final String PROVIDER_NAME = "providerName";
  public static final String SERVICE_NAME = "serviceName";
  /** Of a renewal: the note on the renewed certification (Markdown), shown at the top of the forms. */
  public static final String RENEWAL_NOTE = "renewalNote";
  /**
   * Of a renewal (passed in; absent for a new application): the end of the day before the last day of
   * validity (java.util.Date), the due date of every task of the committee.
   */
  public static final String RENEWAL_DECISION_DUE_AT = "renewalDecisionDueAt";
  /** The reviewer's findings (their own text, shown as written, as in the manager's form). */
  public static final String REVIEW_FINDINGS = "reviewFindings";
  /** 「CONFORMING」 or 「NON_CONFORMING」: the review's result. */
  public static final String REVIEW_RESULT = "reviewResult";
  /** The item ids the review counted as conforming (Json array, a list, or comma-separated text). */
  public static final String CONFORMING_ITEMS = "conformingItems";
  /** The item ids the reviewer named for 不適合, as typed. */
  public static final String NON_CONFORMING_ITEMS = "nonConformingItems";
  /** Of the on-site inspection (第6条3), if there was one; null otherwise. */
  public static final String INSPECTION_RESULT = "inspectionResult";
  public static final String INSPECTION_REPORT = "inspectionReport";
  public static final String INSPECTION_DATE = "inspectionDate";

  // Variables: what the forms show, composed at the start by `committeeContext` (Markdown)
  public static final String DOCUMENT_LINKS = "documentLinks";
  public static final String DISCLOSURE_SUMMARY = "disclosureSummary";
  /** The review's checklist result: 適合/不適合, the items counted as conforming, the items that do not conform. */
  public static final String REVIEW_SUMMARY = "reviewSummary";
  /** The inspection day and result; null when there was no inspection. */
  public static final String INSPECTION_SUMMARY = "inspectionSummary";

  // Variables: selection
  public static final String MEMBERS = "committeeMembers";
  /** The multi-instance element variable of 「意見を提出する」: the member giving this opinion. */
  public static final String MEMBER = "member";
  public static final String CHAIR = "committeeChair";
  public static final String MEMBERS_SUFFICIENT = "membersSufficient";
  /** Form field of 「委員の構成を調整する」. */
  public static final String ARRANGEMENT_NOTE = "arrangementNote";

  // Variables: opinions (form fields of 「意見を提出する」, local to each member's task)
  public static final String OPINION = "opinion";
  public static final String OPINION_COMMENT = "opinionComment";
  public static final String OPINIONS_SUMMARY = "opinionsSummary";

  // Variables: the chair's consolidation, passed back to the caller
  public static final String COMMITTEE_OPINION = "committeeOpinion";
  public static final String COMMITTEE_SUMMARY = "committeeSummary";

  private CommitteeProcess() {}
}
