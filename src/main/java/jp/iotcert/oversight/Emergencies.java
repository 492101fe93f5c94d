package jp.iotcert.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import jp.iotcert.common.TaskInput;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergencies (第14条): one case per emergency, notified by the provider or found by staff; the
 * provider's progress reports until staff close it. Whether the provider notified promptly is a
 * fact for 第17条1(5).
 */
@Service
public class Emergencies {

  /** How the body learned of the emergency. */
  public enum Source { PROVIDER, STAFF }

  private final RuntimeService runtimeService;
  private final CertificationRegister register;
  private final BusinessCalendar calendar;
  private final JdbcClient jdbc;
  private final ProviderNotifier notifier;
  private final String reportInterval;

  public Emergencies(RuntimeService runtimeService, CertificationRegister register, BusinessCalendar calendar,
      JdbcClient jdbc, ProviderNotifier notifier,
      @Value("${iotcert.oversight.emergency-report-interval:P7D}") String reportInterval) {
    this.notifier = notifier;
    this.runtimeService = runtimeService;
    this.register = register;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.reportInterval = reportInterval;
    // Checked at start: a bad value would otherwise fail every emergency case opened.
    Period interval;
    try {
      interval = Period.parse(reportInterval);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("iotcert.oversight.emergency-report-interval must be an ISO period such as P7D: "
          + reportInterval, e);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalStateException("iotcert.oversight.emergency-report-interval must be positive: " + reportInterval);
    }
  }

  public record NewEmergency(LocalDate occurredOn, String description) {}

  public record Emergency(String id, String certificationNumber, Source source, String notificationId,
      LocalDate occurredOn, String description, LocalDate openedOn, Boolean notifiedPromptly, String staffNote,
      String status, String closingSummary, LocalDate closedOn, String investigationId, String processInstanceId) {}

  public record Report(String report, String reportedBy, Instant reportedAt) {}

  /** Staff record an emergency they learned of otherwise than from the provider (第14条, 第17条1(5)). */
  @Transactional
  public String openByStaff(Certification c, NewEmergency request, String by) {
    return start(registerByStaff(c, request, by));
  }

  /**
   * Checks and records an emergency staff found; returns the variables its process starts with.
   * Used by {@link #openByStaff} and by the start event's listener when staff start it in Tasklist.
   */
  Map<String, Object> registerByStaff(Certification c, NewEmergency request, String by) {
    List<FieldError> errors = new ArrayList<>();
    if (request.occurredOn() == null) {
      errors.add(new FieldError("occurredOn", "発生日（occurredOn）は必須です"));
    } else if (DateRules.pastEvent(request.occurredOn(), calendar.today()) != null) {
      errors.add(new FieldError("occurredOn", "発生日: " + DateRules.pastEvent(request.occurredOn(), calendar.today())));
    }
    if (request.description() == null || request.description().isBlank() || request.description().length() > 3000) {
      errors.add(new FieldError("description", "緊急事態の内容を3000文字以内で入力してください"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("緊急事態の記録に" + errors.size() + "件の誤りがあります。", errors);
    }
    if (!c.status().inForce()) {
      throw new ConflictException("認定番号 " + c.certificationNumber() + " は既に終了しています（" + c.status() + "）。");
    }
    return register(c, Source.STAFF, null, request.occurredOn(), request.description().strip(), calendar.now(), by);
  }

  /** A case for an EMERGENCY notification the certification's process received (第14条). */
  public String openFromNotification(Certification c, String notificationId, LocalDate occurredOn, String description,
      Instant receivedAt, String by) {
    return start(register(c, Source.PROVIDER, notificationId, occurredOn, description, receivedAt, by));
  }

  private String start(Map<String, Object> variables) {
    runtimeService.startProcessInstanceByKey(EmergencyProcess.KEY,
        (String) variables.get(EmergencyProcess.CERTIFICATION_NUMBER), variables);
    return (String) variables.get(EmergencyProcess.EMERGENCY_ID);
  }

  /** @param receivedAt when the provider's notice arrived, or (found by staff) when staff record the case */
  private Map<String, Object> register(Certification c, Source source, String notificationId, LocalDate occurredOn,
      String description, Instant receivedAt, String by) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO emergency_case (id, certification_number, source, notification_id, occurred_on, description,
          opened_by, opened_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
        .params(id, c.certificationNumber(), source.name(), notificationId, occurredOn, description, by,
            Timestamp.from(calendar.now()))
        .update();
    notifier.send(c, OversightNotice.EMERGENCY_RECEIVED, Map.of("occurredOn", occurredOn.toString(),
        "emergencyId", id, "interval", japanese(Period.parse(reportInterval)),
        "source", source == Source.PROVIDER ? "" : "\n認定機関が把握したもので、事業者からの通知はまだありません。第14条により速やかに通知してください。"));
    register.recordEvent(c.certificationNumber(), "EMERGENCY_OPENED", c.status(), calendar.today(), id, calendar.now());
    String summary = "**把握の経緯** " + (source == Source.PROVIDER ? "事業者からの通知" : "事務局が他から把握（事業者からの通知なし）")
        + "\n\n**発生日** " + occurredOn
        + "\n\n**" + (source == Source.PROVIDER ? "通知の受領" : "事務局の記録") + "** " + japanTime(receivedAt)
        + "（発生日から" + ChronoUnit.DAYS.between(occurredOn, LocalDate.ofInstant(receivedAt, BusinessCalendar.ZONE)) + "日後）"
        + "\n\n**内容** " + Markdown.clip(Markdown.inline(description), TaskInput.MAX_TEXT);
    Map<String, Object> variables = new HashMap<>();
    variables.put(EmergencyProcess.EMERGENCY_ID, id);
    variables.put(EmergencyProcess.CERTIFICATION_NUMBER, c.certificationNumber());
    variables.put(EmergencyProcess.SERVICE_NAME, c.serviceName());
    variables.put(EmergencyProcess.PROVIDER_NAME, c.providerName());
    variables.put(EmergencyProcess.EMERGENCY_SOURCE, source.name());
    variables.put(EmergencyProcess.EMERGENCY_SUMMARY, summary);
    variables.put(EmergencyProcess.REPORT_INTERVAL, reportInterval);
    variables.put(EmergencyProcess.REMINDED, false);
    variables.put(EmergencyProcess.REPORT_PENDING, false);
    variables.put(EmergencyProcess.REPORT_COUNT, 0);
    // Found by staff: the provider did not notify at all (第17条1(5)); staff may still correct it.
    variables.put(EmergencyProcess.NOTIFIED_PROMPTLY, source == Source.PROVIDER);
    return variables;
  }

  /** Binds the recorded emergency to the one process instance that works it; false if it is bound already. */
  boolean bind(String id, String processInstanceId) {
    return jdbc.sql("UPDATE emergency_case SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL")
        .params(processInstanceId, id).update() == 1;
  }

  /** The emergency this process instance works (see {@link Investigations#forProcess}). */
  Emergency forProcess(DelegateExecution execution) {
    Object id = execution.getVariable(EmergencyProcess.EMERGENCY_ID);
    Emergency e = id == null ? null : jdbc.sql("SELECT * FROM emergency_case WHERE id = ?").param(id.toString())
        .query(Emergencies::map).optional().orElse(null);
    if (e == null || !execution.getProcessInstanceId().equals(e.processInstanceId())) {
      throw new ProcessEngineException("このプロセスは緊急事態 " + id + " のプロセスではありません。");
    }
    return e;
  }

  /**
   * The provider's report of measures and progress; it goes to staff (第14条). The report is kept
   * with the case; while the case waits for a report it is correlated into the process, and
   * otherwise (staff are assessing or reviewing) the process finds it at its next check
   * 「未確認の報告を確かめる」 ({@link #unreviewed}). Nothing here writes the process's variables.
   */
  @Transactional
  public void report(String certificationNumber, String emergencyId, String report, String by) {
    Emergency e = get(emergencyId);
    if (!e.certificationNumber().equals(certificationNumber)) {
      throw new NotFoundException("緊急事態 " + emergencyId + " はありません。");
    }
    if (report == null || report.isBlank() || report.length() > 3000) {
      throw new InvalidInputException("report", "対策と経過の報告を3000文字以内で入力してください");
    }
    lock(emergencyId);
    if (!"OPEN".equals(get(emergencyId).status())) {
      throw new ConflictException("緊急事態 " + emergencyId + " は終結しています。");
    }
    jdbc.sql("INSERT INTO emergency_report (id, emergency_id, report, reported_by, reported_at) VALUES (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), emergencyId, report.strip(), by, Timestamp.from(calendar.now())).update();
    String pi = e.processInstanceId();
    if (pi != null && runtimeService.createEventSubscriptionQuery().processInstanceId(pi).eventType("message")
        .eventName(EmergencyProcess.MESSAGE_REPORTED).count() > 0) {
      runtimeService.createMessageCorrelation(EmergencyProcess.MESSAGE_REPORTED).processInstanceId(pi)
          .correlateWithResult();
    }
  }

  /** The reports after the first {@code reviewed} ones (newest last), and how many there are in all. */
  public record Reports(int count, String unreviewed) {

    /** Gateway 「未確認の報告があるか？」. */
    public boolean pending() {
      return !unreviewed.isEmpty();
    }
  }

  /** The reports of this process's case staff have not yet been shown (`reportCount` says how many they have). */
  Reports unreviewed(DelegateExecution execution) {
    Object shown = execution.getVariable(EmergencyProcess.REPORT_COUNT);
    return unreviewed(forProcess(execution).id(), shown instanceof Number n ? n.intValue() : 0);
  }

  /**
   * The reports staff have not yet been shown. Locks the case first: a report arriving meanwhile
   * waits until the process has reached its next wait state, so it is either seen here or
   * correlated into the waiting process, never lost between the two.
   */
  public Reports unreviewed(String emergencyId, int reviewed) {
    lock(emergencyId);
    List<Report> all = reports(emergencyId);
    String shown = String.join("\n\n---\n\n",
        all.stream().skip(Math.max(reviewed, 0)).map(r -> Markdown.text(r.report())).toList());
    return new Reports(all.size(), shown.isEmpty() ? "" : Markdown.clipStart(shown, TaskInput.MAX_TEXT));
  }

  private void lock(String emergencyId) {
    jdbc.sql("SELECT id FROM emergency_case WHERE id = ? FOR UPDATE").param(emergencyId).query(String.class).optional();
  }

  public void recordPromptness(String emergencyId, boolean promptly, String note) {
    jdbc.sql("UPDATE emergency_case SET notified_promptly = ?, staff_note = ? WHERE id = ?")
        .params(promptly, note, emergencyId).update();
  }

  /** 「緊急事態を終結する」: the case is closed with staff's summary. */
  public void close(String emergencyId, String summary) {
    jdbc.sql("UPDATE emergency_case SET status = 'CLOSED', closing_summary = ?, closed_on = ? WHERE id = ?")
        .params(summary, calendar.today(), emergencyId).update();
    register.recordCaseEvent(get(emergencyId).certificationNumber(), "EMERGENCY_CLOSED", emergencyId, calendar.today(),
        calendar.now());
  }

  /** 「終結を通知する」: the provider is told the case is closed, with the summary recorded. */
  public void sendClosedNotice(String emergencyId) {
    Emergency e = get(emergencyId);
    notifier.send(certification(e), OversightNotice.EMERGENCY_CLOSED,
        Map.of("closingSummary", e.closingSummary() == null ? "" : e.closingSummary()));
  }

  /** 「経過報告を督促する」. */
  public void sendReportReminder(String emergencyId) {
    Emergency e = get(emergencyId);
    notifier.send(certification(e), OversightNotice.EMERGENCY_REPORT_REMINDER, Map.of("emergencyId", e.id()));
  }

  private Certification certification(Emergency e) {
    return register.find(e.certificationNumber()).orElseThrow();
  }

  public void linkInvestigation(String emergencyId, String investigationId) {
    jdbc.sql("UPDATE emergency_case SET investigation_id = ? WHERE id = ?").params(investigationId, emergencyId).update();
  }

  public Emergency get(String id) {
    return jdbc.sql("SELECT * FROM emergency_case WHERE id = ?").param(id).query(Emergencies::map).optional()
        .orElseThrow(() -> new NotFoundException("緊急事態 " + id + " はありません。"));
  }

  public Optional<Emergency> forNotification(String notificationId) {
    return jdbc.sql("SELECT * FROM emergency_case WHERE notification_id = ?").param(notificationId)
        .query(Emergencies::map).optional();
  }

  public List<Emergency> of(String certificationNumber) {
    return jdbc.sql("SELECT * FROM emergency_case WHERE certification_number = ? ORDER BY opened_at")
        .param(certificationNumber).query(Emergencies::map).list();
  }

  public List<Report> reports(String emergencyId) {
    return jdbc.sql("SELECT * FROM emergency_report WHERE emergency_id = ? ORDER BY reported_at").param(emergencyId)
        .query((rs, i) -> new Report(rs.getString("report"), rs.getString("reported_by"),
            rs.getTimestamp("reported_at").toInstant()))
        .list();
  }

  /** An instant as the secretariat reads it: 2026年12月1日 09時05分（日本時間）. */
  static String japanTime(Instant at) {
    return DateTimeFormatter.ofPattern("uuuu年M月d日 HH時mm分（日本時間）").format(at.atZone(BusinessCalendar.ZONE));
  }

  /** "7日", "1か月" for the notice. */
  static String japanese(Period p) {
    return (p.getYears() > 0 ? p.getYears() + "年" : "") + (p.getMonths() > 0 ? p.getMonths() + "か月" : "")
        + (p.getDays() > 0 ? p.getDays() + "日" : "");
  }


  private static Emergency map(ResultSet rs, int i) throws SQLException {
    Object promptly = rs.getObject("notified_promptly");
    return new Emergency(rs.getString("id"), rs.getString("certification_number"),
        Source.valueOf(rs.getString("source")), rs.getString("notification_id"),
        rs.getObject("occurred_on", LocalDate.class), rs.getString("description"),
        rs.getTimestamp("opened_at").toInstant().atZone(BusinessCalendar.ZONE).toLocalDate(),
        promptly == null ? null : rs.getBoolean("notified_promptly"), rs.getString("staff_note"), rs.getString("status"),
        rs.getString("closing_summary"), rs.getObject("closed_on", LocalDate.class), rs.getString("investigation_id"),
        rs.getString("process_instance_id"));
  }
}
