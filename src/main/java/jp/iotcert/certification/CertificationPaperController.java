package jp.iotcert.certification;

import java.nio.charset.StandardCharsets;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.DownloadNames;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.identity.CurrentUser;
import jp.iotcert.notice.Notice;
import jp.iotcert.notice.NoticePdfs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The paperwork of a certification, for its provider and for staff (another provider's answers as
 * unknown, VisibleCertifications). GET /api/certifications/{no}/notices/{id}.pdf: a notice's letter as
 * stored when it was sent. GET /api/certifications/{no}/certificate.pdf: the certificate (認定証, 第6条5) last issued for the
 * certification (CertificateFiles), for its provider and for staff.
 */
@RestController
public class CertificationPaperController {

  private final VisibleCertifications certifications;
  private final CertificateFiles files;
  private final CurrentUser currentUser;
  private final NoticePdfs letters;

  public CertificationPaperController(VisibleCertifications certifications, CertificateFiles files,
      CurrentUser currentUser, NoticePdfs letters) {
    this.letters = letters;
    this.certifications = certifications;
    this.files = files;
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
    return DownloadNames.pdf("認定証_" + c.certificationNumber() + ".pdf", files.latest(c));
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
