package jp.iotcert.portal;

import java.util.List;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Which certifications the signed-in portal account may see and act on: those of the company it is
 * bound to (CurrentUser#corporateNumber), and nothing while it is not bound. Stricter than the API's
 * VisibleCertifications on purpose: in the portal even an account that is also staff acts only for its
 * own company. Another company's certification answers exactly as an unknown number, so numbers
 * cannot be probed.
 */
@Component
public class PortalCertificationAccess {

  private final CertificationRegister register;
  private final CurrentUser currentUser;

  public PortalCertificationAccess(CertificationRegister register, CurrentUser currentUser) {
    this.register = register;
    this.currentUser = currentUser;
  }

  /** The account is not bound to a corporate number yet: it acts for no company. */
  public static class AccountNotBound extends RuntimeException {
    AccountNotBound() {
      super("このアカウントは法人番号との紐付けの確認を待っています。");
    }
  }

  public String corporateNumber() {
    return currentUser.corporateNumber().filter(n -> !n.isBlank()).orElseThrow(AccountNotBound::new);
  }

  public List<Certification> all() {
    return register.ofCorporateNumber(corporateNumber());
  }

  /** @throws NotFoundException for an unknown number and for another company's, alike */
  public Certification get(String certificationNumber) {
    String own = corporateNumber();
    return register.find(certificationNumber).filter(c -> own.equals(c.corporateNumber()))
        .orElseThrow(() -> new NotFoundException("認定番号 " + certificationNumber + " の認定はありません。"));
  }

  public String userId() {
    return currentUser.id();
  }
}
