package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationCases;
import jp.iotcert.certification.CertificationRegister;
import org.springframework.stereotype.Component;

/**
 * The oversight cases (第14条–第16条) as the certification's view lists them, and whether the
 * certification a case concerns is still in force.
 */
@Component
class OversightCases implements CertificationCases {

  /** Gateway 「認定は有効か？」 of `emergency`, `investigation` and `improvement-request` (same name in each). */
  static final String CERTIFICATION_IN_FORCE = "certificationInForce";

  private final Emergencies emergencies;
  private final Investigations investigations;
  private final ImprovementRequests improvementRequests;

  private final CertificationRegister register;

  OversightCases(Emergencies emergencies, Investigations investigations, ImprovementRequests improvementRequests,
      CertificationRegister register) {
    this.register = register;
    this.emergencies = emergencies;
    this.investigations = investigations;
    this.improvementRequests = improvementRequests;
  }

  @Override
  public List<Map<String, Object>> obligations(Certification c, LocalDate today) {
    List<Map<String, Object>> obligations = new ArrayList<>();
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
    return obligations;
  }

  /**
   * Whether the certification is still in force (not revoked, lapsed, terminated or expired): only
   * then is there a service left to investigate, improve or revoke (第15条–第17条).
   */
  boolean certificationInForce(String certificationNumber) {
    return register.find(certificationNumber).map(c -> c.status().inForce()).orElse(false);
  }

  @Override
  public Optional<String> emergencyOpenedBy(String notificationId) {
    return emergencies.forNotification(notificationId).map(Emergencies.Emergency::id);
  }
}
