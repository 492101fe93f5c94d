package jp.iotcert.oversight;

import java.time.LocalDate;
import java.util.List;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationNotifications;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.TaskInput;
import org.springframework.stereotype.Service;

/**
 * Opens the case that follows another: an emergency for an EMERGENCY notification (第14条), an
 * investigation after an emergency (第15条), an improvement request or a revocation after an
 * investigation (第16条, 第17条), a revocation after an improvement request not followed
 * (第17条1(7)). The processes ask 「認定は有効か？」 before each opening; the facts of 第17条1 come
 * from {@link RevocationFacts}.
 */
@Service
public class FollowUpCases {

  private final Emergencies emergencies;
  private final Investigations investigations;
  private final ImprovementRequests improvementRequests;
  private final Revocations revocations;
  private final CertificationRegister register;
  private final CertificationNotifications notifications;

  public FollowUpCases(Emergencies emergencies, Investigations investigations, ImprovementRequests improvementRequests,
      Revocations revocations, CertificationRegister register, CertificationNotifications notifications) {
    this.emergencies = emergencies;
    this.investigations = investigations;
    this.improvementRequests = improvementRequests;
    this.revocations = revocations;
    this.register = register;
    this.notifications = notifications;
  }

  /** 「緊急事態の対応を開始する」 in `certification`: an EMERGENCY notification becomes an `emergency` case. */
  public String emergencyForNotification(String notificationId) {
    CertificationNotifications.Notification n = notifications.get(notificationId);
    String id = emergencies.openFromNotification(certification(n.certificationNumber()), n.id(), n.occurredOn(),
        n.description(), n.receivedAt(), "provider");
    notifications.recordOutcome(n.id(), "EMERGENCY", "緊急事態 " + id);
    return id;
  }

  /** 「調査を開始する（第15条）」: an investigation of the service's operations, linked to the emergency. */
  public String investigationAfterEmergency(String emergencyId, String closingSummary, String request,
      LocalDate deadline) {
    Emergencies.Emergency e = emergencies.get(emergencyId);
    String id = investigations.open(certification(e.certificationNumber()),
        new Investigations.NewInvestigation(List.of(Investigations.Scope.OPERATIONS.name()),
            TaskInput.clip("緊急事態（発生日 " + e.occurredOn() + "）: " + closingSummary), request, deadline, null),
        "emergency", e.id());
    emergencies.linkInvestigation(e.id(), id);
    return id;
  }

  /** 「改善を要請する（第16条）」: an `improvement-request` with the content and deadline staff decided. */
  public String improvementAfterInvestigation(String investigationId, String content, LocalDate deadline,
      Boolean publish) {
    Investigations.Investigation inv = investigations.get(investigationId);
    return improvementRequests.open(certification(inv.certificationNumber()),
        new ImprovementRequests.NewRequest(content, deadline, publish), "investigation");
  }

  /**
   * 「取消しの手続を開始する」 after an investigation: the facts staff found, with 第17条1(5) when the
   * emergency the investigation came from was not notified promptly and 第17条1(6) when the
   * investigation was refused or answered falsely.
   */
  public String revocationAfterInvestigation(String investigationId, RevocationFacts staffFound, String findings) {
    Investigations.Investigation inv = investigations.get(investigationId);
    Boolean notifiedPromptly = inv.emergencyId() == null ? null : emergencies.get(inv.emergencyId()).notifiedPromptly();
    RevocationFacts facts = staffFound.or(new RevocationFacts(false, false, false, false,
        RevocationFacts.isEmergencyReportNeglected(false, notifiedPromptly), inv.refusedOrFalse(), false, false, false));
    return revocations.openOrJoin(certification(inv.certificationNumber()), facts,
        TaskInput.clip("調査（" + inv.openedOn() + " 開始）の結果: " + findings), "investigation");
  }

  /** 「取消しの手続を開始する」 after an improvement request not followed (第17条1(7)). */
  public String revocationForIgnoredImprovement(String requestId, String proposalNote) {
    ImprovementRequests.Request r = improvementRequests.get(requestId);
    return revocations.openOrJoin(certification(r.certificationNumber()), RevocationFacts.ofIgnoredImprovement(),
        TaskInput.clip("改善の要請（" + r.requestedOn() + "、期限 " + r.deadline() + "）に従わない: " + proposalNote),
        "improvement-request");
  }

  private Certification certification(String certificationNumber) {
    return register.find(certificationNumber).orElseThrow();
  }
}
