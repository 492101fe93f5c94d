package jp.iotcert.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.Markdown;
import jp.iotcert.common.NotFoundException;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.identity.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Investigations (第15条) of a certified service's operations and its mark use (第10条): a request for
 * explanation with a deadline, staff's assessment, an on-site investigation when needed (its cost
 * charged to the provider, 第15条3), and an outcome. Refusal or false statements are facts for
 * 第17条1(6). An investigation may be delegated (第19条): the delegate works its tasks and sees it.
 */
@Service
public class Investigations {

  /** What is investigated (第15条1). */
  public enum Scope { OPERATIONS, MARK_USE }

  /** The outcome staff decide (第15条–第17条). */
  public enum Outcome { NONE, IMPROVEMENT, REVOCATION }

  private static final Map<Scope, String> SCOPE_LABELS = Map.of(
      Scope.OPERATIONS, "認定サービスの運用", Scope.MARK_USE, "認定マークの使用（第10条）");
  private static final Map<Outcome, String> OUTCOME_TEXT = Map.of(
      Outcome.NONE, "措置は要しないと判断しました。",
      Outcome.IMPROVEMENT, "改善の要請（第16条）を別途通知します。",
      Outcome.REVOCATION, "認定の取消し（第17条）の手続を開始します。取消しは認定機関の責任者が決定し、書面で通知します。");

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CertificationRegister register;
  private final BusinessCalendar calendar;
  private final JdbcClient jdbc;
  private final ProviderNotifier notifier;

  public Investigations(RuntimeService runtimeService, IdentityService identityService, CertificationRegister register,
      BusinessCalendar calendar, JdbcClient jdbc, ProviderNotifier notifier) {
    this.notifier = notifier;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.register = register;
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  public record NewInvestigation(List<String> scope, String reason, String request, LocalDate deadline,
      String delegatedTo) {}

  public record Investigation(String id, String certificationNumber, Set<Scope> scope, String reason, String request,
      LocalDate deadline, String emergencyId, String delegatedTo, String openedBy, LocalDate openedOn,
      String explanation, String assessmentNote, Boolean cooperationRefused, Boolean falseStatement,
      Long inspectionCost, String inspectionCostNote, Outcome outcome, String findings, String status,
      LocalDate closedOn, String processInstanceId) {

    /** 第17条1(6): the investigation was refused, or the explanation was false ({@link RevocationFacts}). */
    public boolean refusedOrFalse() {
      return RevocationFacts.isInvestigationRefusedOrFalse(cooperationRefused, falseStatement);
    }
  }

  @Transactional
  public String open(Certification c, NewInvestigation request, String by, String emergencyId) {
    Map<String, Object> variables = register(c, request, by, emergencyId);
    runtimeService.startProcessInstanceByKey(InvestigationProcess.KEY, c.certificationNumber(), variables);
    return (String) variables.get(InvestigationProcess.INVESTIGATION_ID);
  }

  /**
   * Checks and records an investigation; returns the variables its process starts with. Used by
   * {@link #open} and by the start event's listener when staff start the process in Tasklist.
   */
  Map<String, Object> register(Certification c, NewInvestigation request, String by, String emergencyId) {
    List<FieldError> errors = new ArrayList<>();
    Set<Scope> scope = new LinkedHashSet<>();
    if (request.scope() == null || request.scope().isEmpty()) {
      errors.add(new FieldError("scope", "調査の対象を1つ以上指定してください（認定サービスの運用 OPERATIONS、認定マークの使用 MARK_USE）"));
    } else {
      for (String s : request.scope()) {
        try {
          scope.add(Scope.valueOf(String.valueOf(s)));
        } catch (IllegalArgumentException e) {
          errors.add(new FieldError("scope", "調査の対象「" + s + "」は使えません（認定サービスの運用 OPERATIONS、認定マークの使用 MARK_USE）"));
        }
      }
    }
    if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 3000) {
      errors.add(new FieldError("reason", "調査の理由を3000文字以内で入力してください"));
    }
    if (request.request() == null || request.request().isBlank() || request.request().length() > 3000) {
      errors.add(new FieldError("request", "求める説明・資料を3000文字以内で入力してください"));
    }
    if (request.deadline() == null) {
      errors.add(new FieldError("deadline", "提出期限は明日以降の日付です"));
    } else if (DateRules.deadline(request.deadline(), calendar.today()) != null) {
      errors.add(new FieldError("deadline", "提出期限は" + DateRules.deadline(request.deadline(), calendar.today())));
    }
    if (request.delegatedTo() != null && identityService.createUserQuery().userId(request.delegatedTo())
        .memberOfGroup(Groups.DELEGATE).count() == 0) {
      errors.add(new FieldError("delegatedTo", "「" + request.delegatedTo() + "」は委託先（delegate）の利用者ではありません"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("調査の開始に" + errors.size() + "件の誤りがあります。", errors);
    }
    if (!c.status().inForce()) {
      throw new ConflictException("認定番号 " + c.certificationNumber() + " は既に終了しています（" + c.status() + "）。");
    }
    String id = UUID.randomUUID().toString();
    String scopes = String.join(",", scope.stream().map(Enum::name).toList());
    jdbc.sql("""
        INSERT INTO investigation (id, certification_number, scope, reason, request, deadline, emergency_id, delegated_to,
          opened_by, opened_on, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .params(id, c.certificationNumber(), scopes, request.reason().strip(), request.request().strip(),
            request.deadline(), emergencyId, request.delegatedTo(), by, calendar.today())
        .update();
    register.recordEvent(c.certificationNumber(), "INVESTIGATION_OPENED", c.status(), calendar.today(), id, calendar.now());
    String summary = "**対象** " + String.join("、", scope.stream().map(SCOPE_LABELS::get).toList())
        // Each part cut on its own, so the deadline always shows (a text variable holds 4,000).
        + "\n\n**理由** " + Markdown.clip(Markdown.inline(request.reason()), 1400)
        + "\n\n**求める説明・資料** " + Markdown.clip(Markdown.inline(request.request()), 1400)
        + "\n\n**提出期限** " + request.deadline()
        + (emergencyId == null ? "" : "\n\n緊急事態（第14条）の対応から開始した調査です。");
    Map<String, Object> variables = new HashMap<>();
    variables.put(InvestigationProcess.INVESTIGATION_ID, id);
    variables.put(InvestigationProcess.CERTIFICATION_NUMBER, c.certificationNumber());
    variables.put(InvestigationProcess.SERVICE_NAME, c.serviceName());
    variables.put(InvestigationProcess.PROVIDER_NAME, c.providerName());
    variables.put(InvestigationProcess.INVESTIGATION_SUMMARY, summary);
    variables.put(InvestigationProcess.EXPLANATION_DEADLINE, request.deadline().toString());
    variables.put(InvestigationProcess.EXPLANATION_DEADLINE_AT, BusinessCalendar.endOf(request.deadline()));
    variables.put(InvestigationProcess.EXPLANATION_RECEIVED, false);
    variables.put(InvestigationProcess.EXPLANATION, "（期限までに提出されていません）");
    variables.put(InvestigationProcess.EXPLANATION_DOCUMENTS, "（添付書類なし）");
    return variables;
  }

  /** The provider's explanation (第15条1); staff then assess it. */
  @Transactional
  public void explain(String certificationNumber, String investigationId, String explanation,
      List<UploadedDocument> documents, List<FieldError> documentErrors, String by) {
    Investigation inv = get(investigationId);
    if (!inv.certificationNumber().equals(certificationNumber)) {
      throw new NotFoundException("調査 " + investigationId + " はありません。");
    }
    List<FieldError> errors = new ArrayList<>(documentErrors);
    if (explanation == null || explanation.isBlank() || explanation.length() > 3000) {
      errors.add(0, new FieldError("explanation", "説明を3000文字以内で入力してください"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("説明の提出に" + errors.size() + "件の誤りがあります。", errors);
    }
    if (!"OPEN".equals(inv.status()) || inv.explanation() != null) {
      throw new ConflictException("調査 " + investigationId + " は説明を受け付けていません。");
    }
    jdbc.sql("UPDATE investigation SET explanation = ?, explained_at = ? WHERE id = ?")
        .params(explanation.strip(), Timestamp.from(calendar.now()), investigationId).update();
    StringBuilder links = new StringBuilder();
    for (UploadedDocument d : documents) {
      String documentId = UUID.randomUUID().toString();
      jdbc.sql("""
          INSERT INTO investigation_document (id, investigation_id, file_name, size_bytes, sha256, content, uploaded_at,
            uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(documentId, investigationId, d.fileName(), d.content().length, d.sha256(), d.content(),
              Timestamp.from(calendar.now()), by)
          .update();
      links.append("- [").append(Markdown.inline(d.fileName())).append("](")
          .append(documentPath(certificationNumber, investigationId, documentId)).append(")\n");
    }
    try {
      runtimeService.createMessageCorrelation(InvestigationProcess.MESSAGE_EXPLAINED)
          .processInstanceBusinessKey(certificationNumber)
          .processInstanceVariableEquals(InvestigationProcess.INVESTIGATION_ID, investigationId)
          .setVariable(InvestigationProcess.EXPLANATION_RECEIVED, true)
          .setVariable(InvestigationProcess.EXPLANATION, Markdown.formText(explanation))
          .setVariable(InvestigationProcess.EXPLANATION_DOCUMENTS, links.isEmpty() ? "（添付書類なし）" : links.toString())
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("調査 " + investigationId + " の提出期限は過ぎています。事務局に連絡してください。");
    }
  }

  /** A submitted document as listed with its investigation. */
  public record Document(String id, String fileName, long sizeBytes, String sha256, Instant uploadedAt) {}

  public record DocumentContent(String fileName, byte[] content) {}

  public List<Document> documents(String investigationId) {
    return jdbc.sql("SELECT id, file_name, size_bytes, sha256, uploaded_at FROM investigation_document WHERE investigation_id = ? ORDER BY uploaded_at, file_name")
        .param(investigationId)
        .query((rs, i) -> new Document(rs.getString("id"), rs.getString("file_name"), rs.getLong("size_bytes"),
            rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  /** A document of the investigation; every read is logged with the reader (第20条). */
  @Transactional
  public DocumentContent readDocument(String investigationId, String documentId, String reader) {
    DocumentContent content = jdbc.sql("SELECT file_name, content FROM investigation_document WHERE id = ? AND investigation_id = ?")
        .params(documentId, investigationId)
        .query((rs, i) -> new DocumentContent(rs.getString("file_name"), rs.getBytes("content"))).optional()
        .orElseThrow(() -> new NotFoundException("書類 " + documentId + " はありません。"));
    jdbc.sql("INSERT INTO investigation_document_read (id, document_id, user_id, read_at) VALUES (?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), documentId, reader, Timestamp.from(calendar.now())).update();
    return content;
  }

  public static String documentPath(String certificationNumber, String investigationId, String documentId) {
    return "/api/certifications/" + certificationNumber.replace(" ", "%20") + "/investigations/" + investigationId
        + "/documents/" + documentId;
  }

  public void recordAssessment(String id, String note, boolean refused, boolean falseStatement) {
    jdbc.sql("UPDATE investigation SET assessment_note = ?, cooperation_refused = ?, false_statement = ? WHERE id = ?")
        .params(note, refused, falseStatement, id).update();
  }

  public void recordInspectionCost(String id, long cost, String note) {
    jdbc.sql("UPDATE investigation SET inspection_cost = ?, inspection_cost_note = ? WHERE id = ?")
        .params(cost, note, id).update();
  }

  public void recordOutcome(String id, Outcome outcome, String findings) {
    jdbc.sql("UPDATE investigation SET outcome = ?, findings = ?, status = 'CLOSED', closed_on = ? WHERE id = ?")
        .params(outcome.name(), findings, calendar.today(), id).update();
    String no = get(id).certificationNumber();
    register.recordCaseEvent(no, "INVESTIGATION_CLOSED", id + " " + outcome.name(), calendar.today(), calendar.now());
  }

  /** 「説明・資料の提出を求める」 (第15条1): the request and its deadline, to the provider. */
  public void sendExplanationRequest(String id) {
    Investigation inv = get(id);
    notifier.send(certification(inv), OversightNotice.EXPLANATION_REQUESTED, Map.of(
        "request", inv.request(), "deadline", inv.deadline().toString(), "investigationId", inv.id()));
  }

  /**
   * 「費用を請求する（第15条第3項）」: the recorded cost and its breakdown, to the provider. The process
   * comes here only when the cost is above 0 (gateway 「費用を請求するか？」).
   */
  public void sendInspectionCostCharge(String id) {
    Investigation inv = get(id);
    notifier.send(certification(inv), OversightNotice.INSPECTION_COST_CHARGED, Map.of(
        "inspectionCost", String.format("%,d", inv.inspectionCost()),
        "inspectionCostNote", inv.inspectionCostNote() == null ? "" : inv.inspectionCostNote()));
  }

  /** 「調査の結果を通知する」: the recorded outcome told to the provider (staff's assessment stays internal). */
  public void sendOutcomeNotice(String id) {
    Investigation inv = get(id);
    notifier.send(certification(inv), OversightNotice.INVESTIGATION_CLOSED,
        Map.of("findings", inv.findings(), "outcome", OUTCOME_TEXT.get(inv.outcome())));
  }

  private Certification certification(Investigation inv) {
    return register.find(inv.certificationNumber()).orElseThrow();
  }

  public Investigation get(String id) {
    return jdbc.sql("SELECT * FROM investigation WHERE id = ?").param(id).query(Investigations::map).optional()
        .orElseThrow(() -> new NotFoundException("調査 " + id + " はありません。"));
  }

  /** Binds the recorded investigation to the one process instance that works it; false if it is bound already. */
  boolean bind(String id, String processInstanceId) {
    return jdbc.sql("UPDATE investigation SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL")
        .params(processInstanceId, id).update() == 1;
  }

  /**
   * The investigation this process instance works. Every delegate and listener goes through here, so
   * an instance started around the start event's check (through /engine-rest start instructions)
   * cannot touch any investigation.
   */
  Investigation forProcess(DelegateExecution execution) {
    Object id = execution.getVariable(InvestigationProcess.INVESTIGATION_ID);
    Investigation inv = id == null ? null : jdbc.sql("SELECT * FROM investigation WHERE id = ?").param(id.toString())
        .query(Investigations::map).optional().orElse(null);
    if (inv == null || !execution.getProcessInstanceId().equals(inv.processInstanceId())) {
      throw new ProcessEngineException("このプロセスは調査 " + id + " のプロセスではありません。");
    }
    return inv;
  }

  public List<Investigation> of(String certificationNumber) {
    return jdbc.sql("SELECT * FROM investigation WHERE certification_number = ? ORDER BY opened_on, id")
        .param(certificationNumber).query(Investigations::map).list();
  }

  /** Whether this user is the delegate (第19条) of an investigation of this certification. */
  public boolean delegatedTo(String certificationNumber, String userId) {
    return jdbc.sql("SELECT COUNT(*) FROM investigation WHERE certification_number = ? AND delegated_to = ?")
        .params(certificationNumber, userId).query(Integer.class).single() > 0;
  }

  private static Investigation map(ResultSet rs, int i) throws SQLException {
    Set<Scope> scope = new LinkedHashSet<>();
    for (String s : rs.getString("scope").split(",")) {
      scope.add(Scope.valueOf(s));
    }
    String outcome = rs.getString("outcome");
    Object cost = rs.getObject("inspection_cost");
    return new Investigation(rs.getString("id"), rs.getString("certification_number"), scope, rs.getString("reason"),
        rs.getString("request"), rs.getObject("deadline", LocalDate.class), rs.getString("emergency_id"),
        rs.getString("delegated_to"), rs.getString("opened_by"), rs.getObject("opened_on", LocalDate.class),
        rs.getString("explanation"), rs.getString("assessment_note"), bool(rs, "cooperation_refused"),
        bool(rs, "false_statement"), cost == null ? null : ((Number) cost).longValue(), rs.getString("inspection_cost_note"),
        outcome == null ? null : Outcome.valueOf(outcome), rs.getString("findings"), rs.getString("status"),
        rs.getObject("closed_on", LocalDate.class), rs.getString("process_instance_id"));
  }

  private static Boolean bool(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column) == null ? null : rs.getBoolean(column);
  }
}
