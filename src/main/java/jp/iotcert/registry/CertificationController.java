package jp.iotcert.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.Validity;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.oversight.Emergencies;
import jp.iotcert.oversight.ImprovementRequests;
import jp.iotcert.oversight.Investigations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/certifications/{no}: the provider's own certification (or any, for staff), with its renewal window and obligations. */
@RestController
public class CertificationController {

  private final CertificationRegister register;
  private final Registry registry;
  private final VisibleCertifications certifications;

  private final Emergencies emergencies;
  private final Investigations investigations;
  private final ImprovementRequests improvementRequests;
  private final BusinessCalendar calendar;

  public CertificationController(CertificationRegister register, Registry registry, VisibleCertifications certifications,
      Emergencies emergencies, Investigations investigations, ImprovementRequests improvementRequests,
      BusinessCalendar calendar) {
    this.emergencies = emergencies;
    this.investigations = investigations;
    this.improvementRequests = improvementRequests;
    this.calendar = calendar;
    this.register = register;
    this.registry = registry;
    this.certifications = certifications;
  }

  @GetMapping("/api/certifications/{certificationNumber}")
  public Map<String, Object> get(@PathVariable String certificationNumber) {
    Certification c = certifications.get(certificationNumber);
    RegistryEntry published = registry.entry(c);
    LocalDate opens = Validity.renewalWindowOpens(c.validUntil());
    LocalDate closes = Validity.renewalWindowCloses(c.validUntil());
    List<Map<String, Object>> obligations = new ArrayList<>();
    if (c.renewalApplicationNumber() != null) {
      obligations.add(Map.of("kind", "RENEWAL_UNDER_REVIEW", "applicationNumber", c.renewalApplicationNumber()));
    }
    if ((c.status() == CertificationStatus.TERMINATED || c.status() == CertificationStatus.REVOKED)
        && register.certificateOutstanding(c.certificationNumber())) {
      // 第13条3, 第10条8: the certificate goes back to the body; staff chase it until they record it received.
      obligations.add(Map.of("kind", "CERTIFICATE_RETURN", "detail", "認定証を認定機関に返納してください"));
    }
    if (!c.status().inForce()) {
      obligations.add(Map.of("kind", "STOP_MARK_USE", "detail", "認定マークの使用を中止してください（第10条）"));
    }
    // What the provider owes in the oversight cases (第14条–第16条).
    LocalDate today = calendar.today();
    emergencies.of(c.certificationNumber()).stream().filter(e -> "OPEN".equals(e.status())).forEach(e ->
        obligations.add(Map.of("kind", "EMERGENCY_REPORT", "emergencyId", e.id(),
            "detail", "緊急事態の対策と経過を終結まで報告してください（第14条）")));
    investigations.of(c.certificationNumber()).stream()
        .filter(i -> "OPEN".equals(i.status()) && i.explanation() == null && !i.deadline().isBefore(today))
        .forEach(i -> obligations.add(Map.of("kind", "EXPLANATION_DUE", "investigationId", i.id(), "dueOn", i.deadline(),
            "detail", "調査（第15条）で求められた説明・資料を期限までに提出してください")));
    improvementRequests.of(c.certificationNumber()).stream()
        .filter(r -> "OPEN".equals(r.status()) && !r.deadline().isBefore(today))
        .forEach(r -> obligations.add(Map.of("kind", "IMPROVEMENT_REPORT_DUE", "improvementRequestId", r.id(),
            "dueOn", r.deadline(), "detail", "改善の要請（第16条）に対して講じた措置を期限までに報告してください")));
    Map<String, Object> view = new java.util.LinkedHashMap<>();
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
    view.put("disclosure", published.disclosure());
    view.put("verificationUrl", published.verificationUrl());
    view.put("renewalWindow", Map.of("opensOn", opens, "closesOn", closes));
    view.put("renewalApplicationNumber", c.renewalApplicationNumber());
    view.put("obligations", obligations);
    view.put("history", register.events(c.certificationNumber()));
    return view;
  }
}
