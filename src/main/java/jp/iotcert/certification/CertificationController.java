package jp.iotcert.certification;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.notice.NoticeService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/certifications/{no}: the provider's own certification (or any, for staff), with its renewal window and obligations. */
@RestController
public class CertificationController {

  private final CertificationRegister register;
  private final PublishedDisclosure published;
  private final VisibleCertifications certifications;

  private final CertificationObligations obligations;
  private final NoticeService notices;

  public CertificationController(CertificationRegister register, PublishedDisclosure published,
      VisibleCertifications certifications, CertificationObligations obligations, NoticeService notices) {
    this.notices = notices;
    this.obligations = obligations;
    this.register = register;
    this.published = published;
    this.certifications = certifications;
  }

  @GetMapping("/api/certifications/{certificationNumber}")
  public Map<String, Object> get(@PathVariable String certificationNumber) {
    Certification c = certifications.get(certificationNumber);
    LocalDate opens = Validity.renewalWindowOpens(c.validUntil());
    LocalDate closes = Validity.renewalWindowCloses(c.validUntil());
    List<Map<String, Object>> obligations = this.obligations.of(c);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("certificationNumber", c.certificationNumber());
    view.put("serviceName", c.serviceName());
    view.put("providerName", c.providerName());
    view.put("corporateNumber", c.corporateNumber());
    view.put("firstCertifiedOn", c.firstCertifiedOn());
    view.put("certifiedOn", c.certifiedOn());
    view.put("validUntil", c.validUntil());
    view.put("disclosureDate", c.disclosureDate());
    view.put("status", c.status().name());
    if (c.endedOn() != null) {
      view.put("endedOn", c.endedOn());
    }
    view.put("disclosure", published.items(c));
    view.put("verificationUrl", published.verificationUrl(c.certificationNumber()));
    view.put("renewalWindow", Map.of("opensOn", opens, "closesOn", closes));
    view.put("renewalApplicationNumber", c.renewalApplicationNumber());
    view.put("obligations", obligations);
    view.put("history", register.events(c.certificationNumber()));
    view.put("certificateHref", register.certificateCount(c.certificationNumber()) > 0
        ? CertificationPaperController.base(c.certificationNumber()) + "/certificate.pdf" : null);
    view.put("notices", notices.forCertification(c.certificationNumber()).stream()
        .map(n -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("kind", n.kind());
          m.put("subject", n.subject());
          m.put("sentAt", n.sentAt());
          m.put("href", CertificationPaperController.noticeHref(c.certificationNumber(), n));
          m.put("template", n.template());
          m.put("templateVersion", n.templateVersion());
          m.put("layoutVersion", n.layoutVersion());
          return m;
        }).toList());
    return view;
  }
}
