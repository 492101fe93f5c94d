package jp.iotcert.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
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

  private final CertificationCases cases;
  private final BusinessCalendar calendar;
  private final CertificateReturnRule certificateReturn;
  private final NoticeService notices;

  public CertificationController(CertificationRegister register, PublishedDisclosure published,
      VisibleCertifications certifications, CertificationCases cases, BusinessCalendar calendar,
      CertificateReturnRule certificateReturn, NoticeService notices) {
    this.notices = notices;
    this.certificateReturn = certificateReturn;
    this.cases = cases;
    this.calendar = calendar;
    this.register = register;
    this.published = published;
    this.certifications = certifications;
  }

  @GetMapping("/api/certifications/{certificationNumber}")
  public Map<String, Object> get(@PathVariable String certificationNumber) {
    Certification c = certifications.get(certificationNumber);
    LocalDate opens = Validity.renewalWindowOpens(c.validUntil());
    LocalDate closes = Validity.renewalWindowCloses(c.validUntil());
    List<Map<String, Object>> obligations = new ArrayList<>();
    if (c.renewalApplicationNumber() != null) {
      obligations.add(Map.of("kind", "RENEWAL_UNDER_REVIEW", "applicationNumber", c.renewalApplicationNumber()));
    }
    if (certificateReturn.required(c.status()) && register.certificateOutstanding(c.certificationNumber())) {
      // 第13条3, 第10条8: the certificate goes back to the body; staff chase it until they record it received.
      obligations.add(Map.of("kind", "CERTIFICATE_RETURN", "detail", "認定証を認定機関に返納してください"));
    }
    if (!c.status().inForce()) {
      obligations.add(Map.of("kind", "STOP_MARK_USE", "detail", "認定マークの使用を中止してください（第10条）"));
    }
    // What the provider owes in the oversight cases (第14条–第16条).
    obligations.addAll(cases.obligations(c, calendar.today()));
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
          return m;
        }).toList());
    return view;
  }
}
