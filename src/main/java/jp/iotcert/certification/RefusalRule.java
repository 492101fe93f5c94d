package jp.iotcert.certification;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * 第8条: an application is refused when the same service had its certification revoked under
 * 第17条1 within one year counted back from the application date, the application date being day
 * one, i.e. revoked on or after (application date − 1 year + 1 day).
 */
@Service
public class RefusalRule {

  private final CertificationRegister register;

  public RefusalRule(CertificationRegister register) {
    this.register = register;
  }

  public static LocalDate periodStart(LocalDate applicationDate) {
    return applicationDate.minusYears(1).plusDays(1);
  }

  /** The revocation date that bars the application, if there is one. */
  public Optional<LocalDate> barringRevocation(String corporateNumber, String serviceName, LocalDate applicationDate) {
    return register.revokedOnOrAfter(corporateNumber, serviceName, periodStart(applicationDate))
        .filter(revokedOn -> !revokedOn.isAfter(applicationDate));
  }
}
