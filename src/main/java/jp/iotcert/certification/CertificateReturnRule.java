package jp.iotcert.certification;

import org.springframework.stereotype.Service;

/**
 * Whether a certification that ended must have its certificate returned to the body: after a
 * revocation (第10条第8項) and after the provider ended the service (第13条第3項). A lapse (第9条第2項) and
 * the end of validity (第9条, 第10条第6項) ask the provider only to stop using the mark, not for the
 * certificate back. The one place this is decided: the certification's process (「認定の終了」) and
 * the provider's view of their obligations both ask here.
 */
@Service
public class CertificateReturnRule {

  /** True when a certification that ended as {@code endedAs} owes its certificate back. */
  public boolean required(CertificationStatus endedAs) {
    return switch (endedAs) {
      case REVOKED, TERMINATED -> true;
      case LAPSED, EXPIRED, VALID, RENEWAL_UNDER_REVIEW -> false;
    };
  }
}
