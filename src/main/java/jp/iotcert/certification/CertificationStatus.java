package jp.iotcert.certification;

/** States of a certification (DOMAIN.md, Certification states); the names are public (CONTRACT.md). */
public enum CertificationStatus {
  VALID, RENEWAL_UNDER_REVIEW, EXPIRED, REVOKED, LAPSED, TERMINATED;

  /** Still certified (第12条2 included): notifications, oversight cases and revocation apply only then. */
  public boolean inForce() {
    return this == VALID || this == RENEWAL_UNDER_REVIEW;
  }
}
