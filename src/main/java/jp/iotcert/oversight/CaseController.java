package jp.iotcert.oversight;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.VisibleCertifications;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.identity.CurrentUser;
import jp.iotcert.identity.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/certifications/{no}/cases: every oversight case opened against a certification
 * (第14条–第17条). Staff and managers see everything; the provider sees its own cases without
 * staff's notes and assessments (第20条); a delegate (第19条) sees only the investigations
 * delegated to it, and any other certification answers as unknown.
 */
@RestController
public class CaseController {

  private final VisibleCertifications certifications;
  private final CurrentUser currentUser;
  private final Emergencies emergencies;
  private final Investigations investigations;
  private final ImprovementRequests improvementRequests;
  private final Revocations revocations;

  public CaseController(VisibleCertifications certifications, CurrentUser currentUser, Emergencies emergencies,
      Investigations investigations, ImprovementRequests improvementRequests, Revocations revocations) {
    this.certifications = certifications;
    this.currentUser = currentUser;
    this.emergencies = emergencies;
    this.investigations = investigations;
    this.improvementRequests = improvementRequests;
    this.revocations = revocations;
  }

  @GetMapping("/api/certifications/{certificationNumber}/cases")
  public Map<String, Object> cases(@PathVariable String certificationNumber) {
    boolean staff = currentUser.isIn(Groups.STAFF) || currentUser.isIn(Groups.MANAGER);
    boolean delegateOnly = currentUser.isDelegateOnly();
    if (delegateOnly && !investigations.delegatedTo(certificationNumber, currentUser.id())) {
      throw new NotFoundException("認定番号 " + certificationNumber + " の認定はありません。");
    }
    Certification c = certifications.get(certificationNumber);
    boolean internal = staff || delegateOnly;
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("certificationNumber", c.certificationNumber());
    view.put("status", c.status().name());
    view.put("investigations", investigations.of(c.certificationNumber()).stream()
        .filter(i -> !delegateOnly || currentUser.id().equals(i.delegatedTo()))
        .map(i -> investigation(i, internal)).toList());
    if (delegateOnly) {
      return view;
    }
    view.put("emergencies", emergencies.of(c.certificationNumber()).stream().map(e -> emergency(e, internal)).toList());
    view.put("improvementRequests", improvementRequests.of(c.certificationNumber()).stream()
        .map(CaseController::improvement).toList());
    // The provider sees that proceedings are open and how they ended, never staff's summary of the case.
    boolean revoked = c.status() == CertificationStatus.REVOKED;
    view.put("revocations", revocations.of(c.certificationNumber()).stream()
        .map(r -> revocation(r, staff, revoked)).toList());
    return view;
  }

  private Map<String, Object> emergency(Emergencies.Emergency e, boolean internal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("source", e.source().name());
    m.put("occurredOn", e.occurredOn());
    m.put("openedOn", e.openedOn());
    m.put("description", e.description());
    m.put("status", e.status());
    m.put("reports", emergencies.reports(e.id()).stream()
        .map(r -> Map.of("report", r.report(), "reportedAt", r.reportedAt())).toList());
    putIfSet(m, "closedOn", e.closedOn());
    putIfSet(m, "closingSummary", e.closingSummary());
    putIfSet(m, "investigationId", e.investigationId());
    if (internal) {
      putIfSet(m, "notifiedPromptly", e.notifiedPromptly());
      putIfSet(m, "staffNote", e.staffNote());
    }
    return m;
  }

  private Map<String, Object> investigation(Investigations.Investigation i, boolean internal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("scope", i.scope());
    m.put("request", i.request());
    m.put("deadline", i.deadline());
    m.put("openedOn", i.openedOn());
    m.put("status", i.status());
    putIfSet(m, "explanation", i.explanation());
    m.put("documents", investigations.documents(i.id()).stream().map(d -> Map.of("id", d.id(), "fileName", d.fileName(),
        "sizeBytes", d.sizeBytes(), "sha256", d.sha256(), "uploadedAt", d.uploadedAt(),
        "url", Investigations.documentPath(i.certificationNumber(), i.id(), d.id()))).toList());
    putIfSet(m, "inspectionCost", i.inspectionCost());
    putIfSet(m, "inspectionCostNote", i.inspectionCostNote()); // quoted in the charge (第15条3)
    putIfSet(m, "outcome", i.outcome());
    putIfSet(m, "findings", i.findings());
    putIfSet(m, "closedOn", i.closedOn());
    if (internal) {
      m.put("reason", i.reason());
      putIfSet(m, "emergencyId", i.emergencyId());
      putIfSet(m, "delegatedTo", i.delegatedTo());
      putIfSet(m, "assessmentNote", i.assessmentNote());
      putIfSet(m, "cooperationRefused", i.cooperationRefused());
      putIfSet(m, "falseStatement", i.falseStatement());
    }
    return m;
  }

  private static Map<String, Object> improvement(ImprovementRequests.Request r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("content", r.content());
    m.put("deadline", r.deadline());
    m.put("published", r.published());
    m.put("requestedOn", r.requestedOn());
    m.put("status", r.status());
    putIfSet(m, "report", r.report());
    return m;
  }

  private static Map<String, Object> revocation(Revocations.Case r, boolean internal, boolean revoked) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("openedOn", r.openedAt().atZone(BusinessCalendar.ZONE).toLocalDate());
    // The provider learns a revocation when it takes effect, with its written notice (第17条2): the
    // grounds and reasons then, as in the notice. Until then, and for a case not acted on, staff's
    // grounds would reveal their findings (e.g. 第6号), so only staff see them.
    boolean disclosed = internal || r.decision() == null || !RevocationProcess.REVOKE.equals(r.decision()) || revoked;
    m.put("status", r.decision() == null || !disclosed ? "PENDING" : "DECIDED");
    if (disclosed) {
      putIfSet(m, "decision", r.decision());
      putIfSet(m, "decidedOn", r.decidedOn());
    }
    if (internal || (revoked && RevocationProcess.REVOKE.equals(r.decision()))) {
      putIfSet(m, "grounds", r.grounds());
      putIfSet(m, "reasons", r.reasons());
    }
    if (internal) {
      m.put("summary", r.summary());
    }
    return m;
  }

  private static void putIfSet(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
