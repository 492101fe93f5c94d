package jp.iotcert.identity;

/** The groups of the scheme (DOMAIN.md, Actors). Spring authorities are ROLE_ + the group id. */
public final class Groups {

  public static final String STAFF = "staff";
  public static final String REVIEWER = "reviewer";
  public static final String COMMITTEE = "committee";
  public static final String MANAGER = "manager";
  public static final String DELEGATE = "delegate";
  public static final String PROVIDER = "provider";
  public static final String ADMIN = "camunda-admin";

  private Groups() {}
}
