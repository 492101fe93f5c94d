package jp.iotcert.certification;

import java.util.Optional;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * A certification as the caller may see it through the API: staff see any, a provider only its own;
 * another provider's answers as unknown, so numbers cannot be probed.
 */
@Component
public class VisibleCertifications {

  private final CertificationRegister register;
  private final CurrentUser currentUser;

  public VisibleCertifications(CertificationRegister register, CurrentUser currentUser) {
    this.register = register;
    this.currentUser = currentUser;
  }

  public Certification get(String certificationNumber) {
    return find(certificationNumber)
        .orElseThrow(() -> new NotFoundException("認定番号 " + certificationNumber + " の認定はありません。"));
  }

  public Optional<Certification> find(String certificationNumber) {
    return register.find(certificationNumber).filter(c -> currentUser.mayActFor(c.corporateNumber()));
  }
}
