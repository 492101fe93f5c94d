package jp.iotcert.portal;

import jp.iotcert.certification.CertificateFiles;
import jp.iotcert.certification.Certification;
import jp.iotcert.common.DownloadNames;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.notice.NoticePdfs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * 「認定」 of the applicants' portal (issue 12): the company's certifications, one certification's
 * page, and its certificate and notices as PDF, served here after checking the company
 * (PortalCertificationAccess). Every page is the provider group's (SecurityConfig#portal).
 */
@Controller
public class PortalCertificationController {

  private final PortalCertificationAccess access;
  private final PortalCertificationViews views;
  private final CertificateFiles certificates;
  private final NoticePdfs letters;

  public PortalCertificationController(PortalCertificationAccess access, PortalCertificationViews views,
      CertificateFiles certificates, NoticePdfs letters) {
    this.access = access;
    this.views = views;
    this.certificates = certificates;
    this.letters = letters;
  }

  @GetMapping("/portal/certifications")
  public String list(Model model) {
    model.addAttribute("certifications", access.all().stream().map(views::summary).toList());
    return "portal/certifications/list";
  }

  @GetMapping("/portal/certifications/{certificationNumber}")
  public String detail(@PathVariable String certificationNumber, Model model) {
    model.addAttribute("d", views.detail(access.get(certificationNumber)));
    return "portal/certifications/detail";
  }

  /** The certificate while the certification is in force; an ended one's goes back to the body (第10条8, 第13条3). */
  @GetMapping("/portal/certifications/{certificationNumber}/certificate.pdf")
  public Object certificate(@PathVariable String certificationNumber) {
    Certification c = access.get(certificationNumber);
    if (!c.status().inForce()) {
      ModelAndView refused = new ModelAndView("portal/certifications/refused", HttpStatus.CONFLICT);
      refused.addObject("title", "認定証をダウンロードできません");
      refused.addObject("detail", "認定番号 " + c.certificationNumber() + " の認定は終了しているため、認定証はダウンロードできません。"
          + "交付済みの認定証は認定機関に返納してください。");
      refused.addObject("back", PortalCertificationViews.href(c.certificationNumber()));
      return refused;
    }
    return DownloadNames.pdf("認定証_" + c.certificationNumber() + ".pdf", certificates.latest(c));
  }

  @GetMapping("/portal/certifications/{certificationNumber}/notices/{noticeId}.pdf")
  public ResponseEntity<byte[]> notice(@PathVariable String certificationNumber, @PathVariable String noticeId) {
    Certification c = access.get(certificationNumber);
    byte[] file = letters.ofCertification(c.certificationNumber(), noticeId)
        .orElseThrow(() -> new NotFoundException("この認定の通知の文書（PDF）はありません。"));
    return DownloadNames.pdf("通知_" + noticeId + ".pdf", file);
  }
}
