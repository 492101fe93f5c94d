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
  public static final String REVIEW_FINDINGS = "reviewFindings";

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
