package jp.iotcert.oversight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationLifecycle;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.certification.ProviderNotifier;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.Markdown;
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Revocation proceedings (第17条): open a case, record the manager's decision, revoke. */
@Service
public class Revocations {

  private final CertificationRegister register;
  private final ProviderNotifier notifier;
  private final RuntimeService runtimeService;
  private final BusinessCalendar calendar;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CertificationLifecycle lifecycle;
  private final RevocationDecisionRule decisionRule;

  public Revocations(CertificationRegister register, ProviderNotifier notifier, RuntimeService runtimeService,
      BusinessCalendar calendar, JdbcClient jdbc, ObjectMapper json, CertificationLifecycle lifecycle,
      RevocationDecisionRule decisionRule) {
    this.decisionRule = decisionRule;
    this.register = register;
    this.notifier = notifier;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.json = json;
    this.lifecycle = lifecycle;
  }

  @Transactional
  public String open(Certification c, RevocationFacts facts, String summary, String openedBy) {
    if (facts == null) {
      throw new InvalidInputException("facts", "事案の事実（facts）は必須です");
    }
    if (summary == null || summary.isBlank() || summary.length() > 3000) {
      throw new InvalidInputException("summary", "事案の概要（summary）を3000文字以内で入力してください");
    }
    if (!c.status().inForce()) {
      throw new ConflictException("認定番号 " + c.certificationNumber() + " は既に終了しています（" + c.status() + "）。");
    }
    // One case at a time: a second would put the same facts before the manager twice.
    if (jdbc.sql("SELECT COUNT(*) FROM revocation_case WHERE certification_number = ? AND decision IS NULL")
        .param(c.certificationNumber()).query(Integer.class).single() > 0) {
      throw new ConflictException("認定番号 " + c.certificationNumber() + " には決定前の取消しの手続があります。");
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO revocation_case (id, certification_number, facts_json, summary, opened_by, opened_at)
        VALUES (?, ?, ?, ?, ?, ?)""")
        .params(id, c.certificationNumber(), write(facts), summary.strip(), openedBy, Timestamp.from(calendar.now()))
        .update();
    Map<String, Object> variables = new HashMap<>(facts.asVariables());
    variables.put(RevocationProcess.CASE_ID, id);
    variables.put(RevocationProcess.CERTIFICATION_NUMBER, c.certificationNumber());
    variables.put(RevocationProcess.SERVICE_NAME, c.serviceName());
    variables.put(RevocationProcess.PROVIDER_NAME, c.providerName());
    variables.put(RevocationProcess.CASE_SUMMARY, Markdown.formText(summary));
    runtimeService.startProcessInstanceByKey(RevocationProcess.KEY, c.certificationNumber(), variables);
    register.recordEvent(c.certificationNumber(), "REVOCATION_OPENED", c.status(), calendar.today(), id, calendar.now());
    return id;
  }

  /**
   * For a process that finds facts for 第17条1 (an investigation, an ignored improvement request):
   * when a case of the certification awaits the manager's decision, the facts join it, so the
   * manager decides once on everything; otherwise a new case. The waiting decision task is replaced:
   * the grounds are determined again by the model's own steps, and a form still open on the old task
   * can no longer be submitted with grounds the manager has not seen.
   */
  @Transactional
  public String openOrJoin(Certification c, RevocationFacts facts, String summary, String openedBy) {
    var pending = jdbc.sql("SELECT id, facts_json, summary FROM revocation_case WHERE certification_number = ? AND decision IS NULL")
        .param(c.certificationNumber())
        .query((rs, i) -> new String[] {rs.getString("id"), rs.getString("facts_json"), rs.getString("summary")})
        .optional();
    var instance = pending.map(p -> runtimeService.createProcessInstanceQuery().processDefinitionKey(RevocationProcess.KEY)
        .variableValueEquals(RevocationProcess.CASE_ID, p[0]).singleResult());
    if (pending.isEmpty() || instance.isEmpty()) {
      return open(c, facts, summary, openedBy);
    }
    String id = pending.get()[0];
    RevocationFacts merged = read(pending.get()[1]).or(facts);
    String added = "\n\n（追加）" + summary.strip();
    // The new facts' summary is kept whole; the earlier one gives way if the two are too long.
    String mergedSummary = TaskInput.clip(pending.get()[2], TaskInput.MAX_TEXT - added.length()) + added;
    if (jdbc.sql("UPDATE revocation_case SET facts_json = ?, summary = ? WHERE id = ? AND decision IS NULL")
        .params(write(merged), TaskInput.clip(mergedSummary), id).update() == 0) {
      return open(c, facts, summary, openedBy); // decided in the meantime
    }
    Map<String, Object> variables = new HashMap<>(merged.asVariables());
    variables.put(RevocationProcess.CASE_SUMMARY, Markdown.clip(Markdown.text(mergedSummary), TaskInput.MAX_TEXT));
    // Start the new evaluation first, then cancel the old task by its instance id: cancelling the only
    // activity first would end the process instance.
    ProcessInstanceModificationBuilder modification = runtimeService
        .createProcessInstanceModification(instance.get().getId())
        .startBeforeActivity(RevocationProcess.EVALUATE_GROUNDS).setVariables(variables);
    for (var waiting : runtimeService.getActivityInstance(instance.get().getId())
        .getActivityInstances(RevocationProcess.DECISION_TASK)) {
      modification = modification.cancelActivityInstance(waiting.getId());
    }
    modification.execute();
    register.recordEvent(c.certificationNumber(), "REVOCATION_FACTS_ADDED", c.status(), calendar.today(), id, calendar.now());
    return id;
  }

  private RevocationFacts read(String factsJson) {
    try {
      return json.readValue(factsJson, RevocationFacts.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The manager's decision on the grounds the table found: checked by {@link RevocationDecisionRule}
   * (a revocation needs at least one ground of 第17条1, every decision its reasons), then recorded.
   */
  public void decide(String caseId, String decision, List<String> grounds, String reasons, String decidedBy) {
    decisionRule.check(decision, grounds.size(), reasons);
    jdbc.sql("UPDATE revocation_case SET grounds = ?, decision = ?, reasons = ?, decided_by = ?, decided_on = ? WHERE id = ?")
        .params(String.join(",", grounds), decision, reasons, decidedBy, calendar.today(), caseId).update();
    if (RevocationProcess.KEEP.equals(decision)) { // a revocation is recorded as REVOKED when carried out
      String no = jdbc.sql("SELECT certification_number FROM revocation_case WHERE id = ?").param(caseId)
          .query(String.class).single();
      register.recordCaseEvent(no, "REVOCATION_NOT_TAKEN", caseId, calendar.today(), calendar.now());
    }
  }

  /**
   * 第17条2–3, 第10条8: REVOKED today, published, written notice; the certification's process ends as
   * revoked and asks for the certificate back there. False, and nothing done, when the certification
   * ended otherwise while the case was decided: the revocation process shows it.
   */
  public boolean revoke(String certificationNumber, String grounds, String reasons) {
    Certification c = register.find(certificationNumber).orElseThrow();
    if (!c.status().inForce()) {
      return false;
    }
    LocalDate today = calendar.today();
    lifecycle.ended(c, CertificationStatus.REVOKED, today);
    register.recordEvent(certificationNumber, "REVOKED", CertificationStatus.REVOKED, today, grounds, calendar.now());
    notifier.send(c, OversightNotice.REVOKED, Map.of("effectiveOn", today.toString(),
        "grounds", grounds, "reasons", reasons == null ? "" : reasons));
    runtimeService.createMessageCorrelation(RevocationProcess.MESSAGE_REVOKED)
        .processInstanceBusinessKey(certificationNumber)
        .correlateAllWithResult();
    return true;
  }

  /** A revocation case as listed with its certification; the summary and reasons are staff's. */
  public record Case(String id, Instant openedAt, String summary, String decision, String grounds,
      String reasons, LocalDate decidedOn) {}

  public List<Case> of(String certificationNumber) {
    return jdbc.sql("SELECT * FROM revocation_case WHERE certification_number = ? ORDER BY opened_at")
        .param(certificationNumber)
        .query((rs, i) -> new Case(rs.getString("id"), rs.getTimestamp("opened_at").toInstant(), rs.getString("summary"),
            rs.getString("decision"), rs.getString("grounds"), rs.getString("reasons"),
            rs.getObject("decided_on", LocalDate.class)))
        .list();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
