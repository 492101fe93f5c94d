package jp.iotcert.certification;

import java.nio.charset.StandardCharsets;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.DownloadNames;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.identity.CurrentUser;
import jp.iotcert.notice.Notice;
import jp.iotcert.notice.NoticePdfs;
import jp.iotcert.paperwork.CertificatePdf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The paperwork of a certification, for its provider and for staff (another provider's answers as
 * unknown, VisibleCertifications). GET /api/certifications/{no}/notices/{id}.pdf: a notice's letter as
 * stored when it was sent. GET /api/certifications/{no}/certificate.pdf: the certificate (認定証, 第6条5) last issued for the
 * certification, for its provider and for staff. Rendered from the certificate's record (number,
 * dates) and the certification's names, which never change once certified: the same record gives the
 * same file, so nothing but the record needs storing.
 */
@RestController
public class CertificationPaperController {

  private final VisibleCertifications certifications;
  private final CertificationRegister register;
  private final PublishedDisclosure published;
  private final CertificatePdf pdf;
  private final CurrentUser currentUser;
  private final NoticePdfs letters;

  public CertificationPaperController(VisibleCertifications certifications, CertificationRegister register,
      PublishedDisclosure published, CertificatePdf pdf, CurrentUser currentUser, NoticePdfs letters) {
    this.letters = letters;
    this.certifications = certifications;
    this.register = register;
    this.published = published;
    this.pdf = pdf;
    this.currentUser = currentUser;
  }

  @GetMapping({"/api/certifications/{certificationNumber}/certificate", "/api/certifications/{certificationNumber}/certificate.pdf"})
  public ResponseEntity<byte[]> certificate(@PathVariable String certificationNumber) {
    Certification c = certifications.get(certificationNumber);
    if (!c.status().inForce() && currentUser.isProviderOnly()) {
      // 第10条8, 第13条3: an ended certification's certificate goes back to the body; no new copies.
      throw new ConflictException("認定 " + certificationNumber + " は終了しているため、認定証はダウンロードできません。"
          + "交付済みの認定証は認定機関に返納してください。");
    }
    CertificationRegister.IssuedCertificate issued = register.latestCertificate(certificationNumber)
        .orElseThrow(() -> new NotFoundException("認定 " + certificationNumber + " の認定証はこのシステムで発行されていません"
            + "（移行された認定の認定証は紙で交付済みです）。"));
    byte[] file = pdf.render(new CertificatePdf.Content(c.certificationNumber(), c.serviceName(), c.providerName(),
        c.corporateNumber(), issued.issuedOn(), issued.validFrom(), issued.validUntil(),
        published.verificationUrl(c.certificationNumber())));
    return DownloadNames.pdf("認定証_" + c.certificationNumber() + ".pdf", file);
  }

  @GetMapping("/api/certifications/{certificationNumber}/notices/{noticeId}.pdf")
  public ResponseEntity<byte[]> notice(@PathVariable String certificationNumber, @PathVariable String noticeId) {
    certifications.get(certificationNumber);
    byte[] file = letters.ofCertification(certificationNumber, noticeId)
        .orElseThrow(() -> new NotFoundException("認定 " + certificationNumber + " の通知 " + noticeId + " の文書（PDF）はありません。"));
    return DownloadNames.pdf("通知_" + noticeId + ".pdf", file);
  }

  /** Where the API offers a notice's letter; null when it has none (notices made before letters were stored). */
  public static String noticeHref(String certificationNumber, Notice n) {
    return n.hasLetter() ? base(certificationNumber) + "/notices/" + n.id() + ".pdf" : null;
  }

  /** The certification's API address, its number encoded (numbers hold a space: 「IoT 0001-2604」). */
  static String base(String certificationNumber) {
    return "/api/certifications/" + UriUtils.encodePathSegment(certificationNumber, StandardCharsets.UTF_8);
  }
}
