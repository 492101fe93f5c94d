package jp.iotcert.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Improvement requests (第16条): the body asks a provider to improve by a deadline and decides whether
 * to publish the request (第16条2); a request not followed is a fact for 第17条1(7).
 */
@Service
public class ImprovementRequests {

  private final RuntimeService runtimeService;
  private final BusinessCalendar calendar;
  private final JdbcClient jdbc;
  private final CertificationRegister register;
  private final ProviderNotifier notifier;

  public ImprovementRequests(RuntimeService runtimeService, BusinessCalendar calendar, JdbcClient jdbc,
      CertificationRegister register, ProviderNotifier notifier) {
    this.notifier = notifier;
    this.register = register;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.jdbc = jdbc;
  }

  public record NewRequest(String content, LocalDate deadline, Boolean publish) {}

  public record Request(String id, String certificationNumber, String content, LocalDate deadline, boolean published,
      LocalDate requestedOn, String report, String status) {}

  @Transactional
  public String open(Certification c, NewRequest request, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (request.content() == null || request.content().isBlank() || request.content().length() > 3000) {
      errors.add(new FieldError("content", "要請の内容を3000文字以内で入力してください"));
    }
    if (request.deadline() == null) {
      errors.add(new FieldError("deadline", "期限は明日以降の日付です"));
    } else if (DateRules.deadline(request.deadline(), calendar.today()) != null) {
      errors.add(new FieldError("deadline", "期限は" + DateRules.deadline(request.deadline(), calendar.today())));
    }
    if (request.publish() == null) {
      errors.add(new FieldError("publish", "公表するか（true/false、第16条第2項）を指定してください"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("改善の要請に" + errors.size() + "件の誤りがあります。", errors);
    }
    if (!c.status().inForce()) {
      throw new ConflictException("認定番号 " + c.certificationNumber() + " は既に終了しています（" + c.status() + "）。");
    }
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO improvement_request (id, certification_number, content, deadline, published, requested_on, requested_by, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .params(id, c.certificationNumber(), request.content().strip(), request.deadline(), request.publish(),
            calendar.today(), by)
        .update();
    register.recordEvent(c.certificationNumber(), "IMPROVEMENT_REQUESTED", c.status(), calendar.today(), id, calendar.now());
    runtimeService.startProcessInstanceByKey(ImprovementProcess.KEY, c.certificationNumber(), Map.of(
        ImprovementProcess.REQUEST_ID, id, ImprovementProcess.CERTIFICATION_NUMBER, c.certificationNumber(),
        ImprovementProcess.SERVICE_NAME, Objects.toString(c.serviceName(), ""),
        ImprovementProcess.PROVIDER_NAME, Objects.toString(c.providerName(), ""),
        ImprovementProcess.CONTENT, Markdown.formText(request.content()),
        ImprovementProcess.DEADLINE, request.deadline().toString(),
        ImprovementProcess.DEADLINE_AT, BusinessCalendar.endOf(request.deadline()),
        ImprovementProcess.PUBLISHED, request.publish()));
    return id;
  }

  /** The provider's report of the measures taken; it goes to staff for verification. */
  @Transactional
  public void report(String certificationNumber, String requestId, String report) {
    Request r = get(requestId);
    if (!r.certificationNumber().equals(certificationNumber)) {
      throw new NotFoundException("改善の要請 " + requestId + " はありません。");
    }
    if (report == null || report.isBlank() || report.length() > 3000) {
      throw new InvalidInputException("report", "改善の報告を3000文字以内で入力してください");
    }
    if (!"OPEN".equals(r.status())) {
      throw new ConflictException("改善の要請 " + requestId + " は報告を受け付けていません（" + r.status() + "）。");
    }
    jdbc.sql("UPDATE improvement_request SET report = ?, reported_at = ?, status = 'REPORTED' WHERE id = ?")
        .params(report.strip(), Timestamp.from(calendar.now()), requestId).update();
    try {
      runtimeService.createMessageCorrelation(ImprovementProcess.MESSAGE_REPORTED)
          .processInstanceBusinessKey(certificationNumber)
          .processInstanceVariableEquals(ImprovementProcess.REQUEST_ID, requestId)
          .setVariable(ImprovementProcess.REPORT, Markdown.formText(report))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("改善の要請 " + requestId + " は報告を受け付けられる状態ではありません。");
    }
  }

  /** 「改善を要請する」: the written request to the provider, saying whether it is published (第16条2). */
  public void sendRequest(String requestId) {
    Request r = get(requestId);
    notifier.send(register.find(r.certificationNumber()).orElseThrow(), OversightNotice.IMPROVEMENT_REQUESTED,
        Map.of("content", r.content(), "deadline", r.deadline().toString(), "requestId", r.id(),
            "publication", r.published() ? "\nこの要請は認定機関のホームページ等で公表します（第16条第2項）。" : ""));
  }

  /** 「改善の要請を公表する（第16条第2項）」: the request enters the certification's public history. */
  public void publish(String requestId) {
    Request r = get(requestId);
    Certification c = register.find(r.certificationNumber()).orElseThrow();
    register.recordEvent(c.certificationNumber(), "IMPROVEMENT_REQUEST_PUBLISHED", c.status(), r.requestedOn(),
        r.content(), calendar.now());
  }

  public void close(String requestId, String status) {
    jdbc.sql("UPDATE improvement_request SET status = ? WHERE id = ?").params(status, requestId).update();
    String no = get(requestId).certificationNumber();
    register.recordCaseEvent(no, "IMPROVEMENT_REQUEST_CLOSED", requestId + " " + status, calendar.today(), calendar.now());
  }

  public Request get(String id) {
    return jdbc.sql("SELECT * FROM improvement_request WHERE id = ?").param(id).query(ImprovementRequests::map)
        .optional().orElseThrow(() -> new NotFoundException("改善の要請 " + id + " はありません。"));
  }

  /** The requests the body decided to publish (第16条2), for the public registry. */
  public List<Request> published(String certificationNumber) {
    return jdbc.sql("SELECT * FROM improvement_request WHERE certification_number = ? AND published = TRUE ORDER BY requested_on")
        .param(certificationNumber).query(ImprovementRequests::map).list();
  }

  /** The published requests of several certifications in one query (a registry page), no key for one without. */
  public Map<String, List<Request>> published(Collection<String> certificationNumbers) {
    Map<String, List<Request>> byNumber = new HashMap<>();
    for (List<String> chunk : CertificationRegister.chunks(certificationNumbers)) {
      jdbc.sql("SELECT * FROM improvement_request WHERE certification_number IN (" + CertificationRegister.marks(chunk.size())
              + ") AND published = TRUE ORDER BY requested_on")
          .params(new ArrayList<Object>(chunk))
          .query(ImprovementRequests::map).list()
          .forEach(r -> byNumber.computeIfAbsent(r.certificationNumber(), k -> new ArrayList<>()).add(r));
    }
    return byNumber;
  }

  public List<Request> of(String certificationNumber) {
    return jdbc.sql("SELECT * FROM improvement_request WHERE certification_number = ? ORDER BY requested_on, id")
        .param(certificationNumber).query(ImprovementRequests::map).list();
  }

  private static Request map(ResultSet rs, int i) throws SQLException {
    return new Request(rs.getString("id"), rs.getString("certification_number"), rs.getString("content"),
        rs.getObject("deadline", LocalDate.class), rs.getBoolean("published"),
        rs.getObject("requested_on", LocalDate.class), rs.getString("report"), rs.getString("status"));
  }
}
