package jp.iotcert.notice;

/** Names shared by the `notice-delivery` process model (a notice whose e-mail failed for good) and the code. */
public final class NoticeDeliveryProcess {

  public static final String KEY = "notice-delivery";

  // Messages
  /** The failed notice was e-mailed after all: its incident is resolved, the instance ends. */
  public static final String MESSAGE_DELIVERED = "noticeDelivered";

  /** The catch event the instance waits at; it carries the incident. */
  public static final String EVENT_DELIVERED = "Event_NoticeDelivered";

  // Variables: which notice (the incident's configuration is the same id)
  public static final String NOTICE_ID = "noticeId";
  public static final String NOTICE_KIND = "noticeKind";

  private NoticeDeliveryProcess() {}
}
