package jp.iotcert.certification;

import jp.iotcert.common.NotFoundException;
import jp.iotcert.paperwork.CertificatePdf;
import org.springframework.stereotype.Component;

/**
 * The certificate (認定証, 第6条5) last issued for a certification, as PDF. Rendered from the
 * certificate's record (number, dates) and the certification's names, which never change once
 * certified: the same record gives the same file, so nothing but the record needs storing. Who may
 * have it is the caller's rule (the API's and the portal's controllers).
 */
@Component
public class CertificateFiles {

  private final CertificationRegister register;
  private final PublishedDisclosure published;
  private final CertificatePdf pdf;

  public CertificateFiles(CertificationRegister register, PublishedDisclosure published, CertificatePdf pdf) {
    this.register = register;
    this.published = published;
    this.pdf = pdf;
  }

  /** @throws NotFoundException when this system issued none (a migrated certification's is on paper) */
  public byte[] latest(Certification c) {
    CertificationRegister.IssuedCertificate issued = register.latestCertificate(c.certificationNumber())
        .orElseThrow(() -> new NotFoundException("認定 " + c.certificationNumber() + " の認定証はこのシステムで発行されていません"
            + "（移行された認定の認定証は紙で交付済みです）。"));
    return pdf.render(new CertificatePdf.Content(c.certificationNumber(), c.serviceName(), c.providerName(),
        c.corporateNumber(), issued.issuedOn(), issued.validFrom(), issued.validUntil(),
        published.verificationUrl(c.certificationNumber())));
  }

  /** Whether this system issued a certificate for the certification (migrated ones have theirs on paper). */
  public boolean issued(Certification c) {
    return register.certificateCount(c.certificationNumber()) > 0;
  }
}
