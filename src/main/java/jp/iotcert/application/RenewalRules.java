package jp.iotcert.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.Validity;
import jp.iotcert.common.InvalidInputException.FieldError;
import org.springframework.stereotype.Component;

/**
 * 第12条1: a renewal is filed for the applicant's own valid certification, within its window (60 to
 * 30 days before the last day of validity, both included), once.
 */
@Component
public class RenewalRules {

  private final CertificationRegister register;

  public RenewalRules(CertificationRegister register) {
    this.register = register;
  }

  /** The certification to renew, or an error on `certificationNumber` saying why not. */
  public Optional<Certification> check(String certificationNumber, String corporateNumber, LocalDate applicationDate,
      List<FieldError> errors) {
    Optional<Certification> found = register.find(certificationNumber)
        .filter(c -> c.corporateNumber().equals(corporateNumber));
    if (found.isEmpty()) {
      errors.add(new FieldError("certificationNumber",
          "認定番号 " + certificationNumber + " の申請者（法人番号 " + corporateNumber + "）の認定は見つかりません"));
      return Optional.empty();
    }
    Certification c = found.get();
    LocalDate opens = Validity.renewalWindowOpens(c.validUntil());
    LocalDate closes = Validity.renewalWindowCloses(c.validUntil());
    if (c.status() != CertificationStatus.VALID) {
      errors.add(new FieldError("certificationNumber", "認定番号 " + certificationNumber + " は有効な認定ではありません（" + c.status() + "）"));
    } else if (c.renewalApplicationNumber() != null) {
      errors.add(new FieldError("certificationNumber",
          "認定番号 " + certificationNumber + " には審査中の更新申請（" + c.renewalApplicationNumber() + "）があります"));
    } else if (applicationDate.isBefore(opens) || applicationDate.isAfter(closes)) {
      errors.add(new FieldError("certificationNumber", "更新申請の受付期間は " + opens + " から " + closes
          + " までです（有効期間 " + c.validUntil() + " の満了の60日前から30日前まで、第12条第1項）。申請日: " + applicationDate));
    }
    return found;
  }
}
