package jp.iotcert.certification;

/** What a provider notifies (第13条, 第9条2, 第14条); the names are public (CONTRACT.md). */
public enum NotificationKind {
  CRITERIA_CHANGE, DOCUMENT_CHANGE, TERMINATION, BUSINESS_TRANSFER, MERGER, SPLIT, INHERITANCE, EMERGENCY;

  public boolean carriesChanges() {
    return this == CRITERIA_CHANGE || this == DOCUMENT_CHANGE;
  }

  /** The 第9条2 events staff may also record when they find them themselves. */
  public boolean isSuccession() {
    return this == BUSINESS_TRANSFER || this == MERGER || this == SPLIT || this == INHERITANCE;
  }
}
