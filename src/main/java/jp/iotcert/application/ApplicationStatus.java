package jp.iotcert.application;

/** Where an application stands, as the applicant sees it. */
public enum ApplicationStatus {
  /** Received; completeness check and fee payment under way. */
  SUBMITTED,
  /** The applicant was asked to supplement documents or disclosure items. */
  SUPPLEMENT_REQUESTED,
  /** Review, inspection or committee under way. */
  UNDER_REVIEW,
  /** The manager decided; the notice and, on certification, the certificate follow. */
  DECIDED,
  CERTIFIED,
  NOT_CERTIFIED,
  /** Refused under 第8条 (revoked within the past year). */
  REFUSED,
  WITHDRAWN,
  /** Closed without a decision: supplement deadline or fee deadline missed. */
  CLOSED;

  public boolean isEnded() {
    return this == CERTIFIED || this == NOT_CERTIFIED || this == REFUSED || this == WITHDRAWN || this == CLOSED;
  }
}
