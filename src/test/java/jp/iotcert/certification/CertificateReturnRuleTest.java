package jp.iotcert.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 第10条第8項, 第13条第3項, 第9条第2項: which ends of a certification ask for the certificate back. */
class CertificateReturnRuleTest {

  private final CertificateReturnRule rule = new CertificateReturnRule();

  @Test
  void aRevocationAndATerminationAskForTheCertificateBack() {
    assertThat(rule.required(CertificationStatus.REVOKED)).isTrue();
    assertThat(rule.required(CertificationStatus.TERMINATED)).isTrue();
  }

  @Test
  void aLapseAndTheEndOfValidityDoNot() {
    assertThat(rule.required(CertificationStatus.LAPSED)).isFalse();
    assertThat(rule.required(CertificationStatus.EXPIRED)).isFalse();
  }

  @Test
  void aCertificationInForceOwesNothing() {
    assertThat(rule.required(CertificationStatus.VALID)).isFalse();
    assertThat(rule.required(CertificationStatus.RENEWAL_UNDER_REVIEW)).isFalse();
  }
}
