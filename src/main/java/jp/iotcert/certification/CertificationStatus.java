package jp.iotcert.certification;

/** States of a certification (DOMAIN.md, Certification states); the names are public (CONTRACT.md). */
public enum CertificationStatus { VALID, RENEWAL_UNDER_REVIEW, EXPIRED, REVOKED, LAPSED, TERMINATED }
