package jp.iotcert.application;

/**
 * How an application ends, named by the input parameter `outcome` of 「申請を終了する」
 * (`endApplication`): the end state the applicant sees and the reason recorded with it.
 * Withdrawal (取下げ) is not here: it takes effect when the applicant asks (ApplicationService#withdraw).
 */
public enum ApplicationOutcome {
  /** 第8条: revoked within the past year. */
  REFUSED_ART8(ApplicationStatus.REFUSED, "REFUSED_ART8"),
  /** The supplement deadline passed without a supplement. */
  SUPPLEMENT_OVERDUE(ApplicationStatus.CLOSED, "SUPPLEMENT_OVERDUE"),
  /** 第5条: the fee was not paid by its deadline. */
  FEE_UNPAID(ApplicationStatus.CLOSED, "FEE_UNPAID"),
  /** A renewal whose certification ended (lapse, termination, revocation, expiry) while under review. */
  CERTIFICATION_ENDED(ApplicationStatus.CLOSED, "CERTIFICATION_ENDED"),
  /** 第6条4: the manager decided not to certify. */
  NOT_CERTIFIED(ApplicationStatus.NOT_CERTIFIED, "NOT_CERTIFIED"),
  /** 第6条1: certified; the certification is registered by 「認定を登録する」 before. */
  CERTIFIED(ApplicationStatus.CERTIFIED, null);

  private final ApplicationStatus status;
  private final String closedReason;

  ApplicationOutcome(ApplicationStatus status, String closedReason) {
    this.status = status;
    this.closedReason = closedReason;
  }

  public ApplicationStatus status() {
    return status;
  }

  /** The reason recorded with the end, or null for a certification. */
  public String closedReason() {
    return closedReason;
  }
}
