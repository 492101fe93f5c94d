package jp.iotcert.committee;

/** Names shared by the `committee-review` process model and the code. */
public final class CommitteeProcess {

  public static final String KEY = "committee-review";
  public static final String MEMBERS = "committeeMembers";
  public static final String MEMBER = "member";
  public static final String CHAIR = "committeeChair";
  public static final String MEMBERS_SUFFICIENT = "membersSufficient";
  public static final String OPINION = "opinion";
  public static final String OPINION_COMMENT = "opinionComment";
  public static final String OPINIONS_SUMMARY = "opinionsSummary";

  private CommitteeProcess() {}
}
