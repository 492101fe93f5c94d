package jp.iotcert.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.common.ConflictException;
import jp.iotcert.common.DateRules;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.InvalidInputException;
import jp.iotcert.common.Markdown;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications to a running certification (第13条, 第9条2, 第14条): checked, recorded, and handed to
 * the certification's process, which decides with the DMN table `certification-lapse` what follows.
 */
@Service
public class CertificationNotifications {

  private static final Map<NotificationKind, String> LABELS = Map.of(
      NotificationKind.CRITERIA_CHANGE, "審査基準の項目の変更（第13条第1項第1号）",
      NotificationKind.DOCUMENT_CHANGE, "申請書類の記載事項の変更（第13条第1項第2号）",
      NotificationKind.TERMINATION, "サービス提供の終了（第13条第2項）",
      NotificationKind.BUSINESS_TRANSFER, "事業の譲渡（第9条第2項）",
      NotificationKind.MERGER, "合併（第9条第2項）",
      NotificationKind.SPLIT, "分割（第9条第2項）",
      NotificationKind.INHERITANCE, "相続（第9条第2項）",
      NotificationKind.EMERGENCY, "緊急事態（第14条）");

  private static final TypeReference<List<Map<String, String>>> DISCLOSURE_ROWS = new TypeReference<>() {};

  private final CertificationRegister register;
  private final DisclosureCatalogue catalogue;
  private final RuntimeService runtimeService;
  private final BusinessCalendar calendar;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public CertificationNotifications(CertificationRegister register, DisclosureCatalogue catalogue,
      RuntimeService runtimeService, BusinessCalendar calendar, JdbcClient jdbc, ObjectMapper json) {
    this.register = register;
    this.catalogue = catalogue;
    this.runtimeService = runtimeService;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.json = json;
  }

  public record Request(String kind, LocalDate occurredOn, String description, List<Change> changes,
      Boolean passesCertifiedBusiness, String basis) {}

  public record Change(String itemId, String value) {}

  @Transactional
  public String receive(Certification c, Request request, String submittedBy, boolean byStaff) {
    List<FieldError> errors = new ArrayList<>();
    NotificationKind kind = null;
    if (request.kind() == null || request.kind().isBlank()) {
      errors.add(new FieldError("kind", "届出の種類（kind）は必須です"));
    } else {
      try {
        kind = NotificationKind.valueOf(request.kind());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("kind", "届出の種類「" + request.kind() + "」は使えません"));
      }
    }
    LocalDate today = calendar.today();
    if (request.occurredOn() == null) {
      errors.add(new FieldError("occurredOn", "発生日（occurredOn）は必須です"));
    } else if (kind != NotificationKind.TERMINATION && request.occurredOn().isAfter(today)) {
      errors.add(new FieldError("occurredOn", "発生日に未来の日付は指定できません（サービス終了の届出を除く）"));
    } else if (DateRules.plannedEvent(request.occurredOn(), today) != null) {
      // A termination may be announced ahead, but not beyond the window every date obeys.
      errors.add(new FieldError("occurredOn", "発生日: " + DateRules.plannedEvent(request.occurredOn(), today)));
    } else if (request.occurredOn().isBefore(c.firstCertifiedOn())) {
      errors.add(new FieldError("occurredOn", "発生日が初回認定日 " + c.firstCertifiedOn() + " より前です"));
    }
    if (request.description() == null || request.description().isBlank()) {
      errors.add(new FieldError("description", "届出の内容（description）は必須です"));
    } else if (request.description().length() > 3000) {
      errors.add(new FieldError("description", "届出の内容は3000文字以内で入力してください"));
    }
    List<Change> changes = request.changes() == null ? List.of() : request.changes();
    if (kind != null && kind.carriesChanges() && changes.isEmpty()) {
      errors.add(new FieldError("changes", "変更の届出には変更内容（changes）が必要です"));
    }
    if (kind != null && !kind.carriesChanges() && !changes.isEmpty()) {
      errors.add(new FieldError("changes", "変更内容（changes）は変更の届出でのみ指定します"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      if (change == null || change.itemId() == null || !catalogue.contains(change.itemId())) {
        errors.add(new FieldError("changes[" + i + "].itemId", "開示項目一覧にない項目IDです"));
      } else if (!seen.add(change.itemId())) {
        errors.add(new FieldError("changes[" + i + "].itemId", "項目ID「" + change.itemId() + "」が重複しています"));
      }
      if (change != null && (change.value() == null || change.value().isBlank() || change.value().length() > 4000)) {
        errors.add(new FieldError("changes[" + i + "].value", "変更後の内容を4000文字以内で入力してください"));
      } else if (change != null) {
        int index = i;
        DisclosureCatalogue.invalidValue(change.itemId(), change.value())
            .ifPresent(message -> errors.add(new FieldError("changes[" + index + "].value", message)));
      }
    }
    if (kind == NotificationKind.SPLIT && request.passesCertifiedBusiness() == null) {
      errors.add(new FieldError("passesCertifiedBusiness", "分割の届出では、認定サービスに係る事業を承継させるか（true/false）が必要です"));
    }
    if (kind != NotificationKind.SPLIT && request.passesCertifiedBusiness() != null) {
      errors.add(new FieldError("passesCertifiedBusiness", "passesCertifiedBusiness は分割（SPLIT）の届出でのみ指定します"));
    }
    if (request.basis() != null && request.basis().length() > 2000) {
      errors.add(new FieldError("basis", "根拠は2000文字以内で入力してください"));
    }
    if (byStaff && (request.basis() == null || request.basis().isBlank())) {
      errors.add(new FieldError("basis", "事務局が記録する失効には根拠（basis）が必要です"));
    }
    if (byStaff && kind != null && !kind.isSuccession()) {
      errors.add(new FieldError("kind", "事務局が記録できる失効事由は BUSINESS_TRANSFER, MERGER, SPLIT, INHERITANCE です"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("届出の内容に" + errors.size() + "件の誤りがあります。", errors);
    }
    if (!c.status().inForce()) {
      throw new ConflictException("認定番号 " + c.certificationNumber() + " は既に終了しています（" + c.status() + "）。");
    }

    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO certification_notification (id, certification_number, kind, occurred_on, description, changes_json,
          passes_certified_business, basis, submitted_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, c.certificationNumber(), kind.name(), request.occurredOn(), request.description().strip(),
            changes.isEmpty() ? null : write(changes), request.passesCertifiedBusiness(), request.basis(), submittedBy,
            Timestamp.from(calendar.now()))
        .update();
    Map<String, Object> variables = new HashMap<>();
    variables.put(CertificationProcess.NOTIFICATION_ID, id);
    variables.put(CertificationProcess.NOTIFICATION_KIND, kind.name());
    variables.put(CertificationProcess.PASSES_BUSINESS, Boolean.TRUE.equals(request.passesCertifiedBusiness()));
    variables.put(CertificationProcess.OCCURRED_ON, request.occurredOn().toString());
    // A termination takes effect at the start of its stated day; everything else at once.
    variables.put(CertificationProcess.NOTIFICATION_EFFECTIVE_AT, BusinessCalendar.startOf(request.occurredOn()));
    variables.put(CertificationProcess.NOTIFICATION_SUMMARY, summary(kind, request, changes, byStaff, currentValues(c)));
    try {
      // Handed over as process variables; the sub-process's start listener (captureNotification)
      // moves them into its own scope at once, so notifications in progress never mix.
      runtimeService.createMessageCorrelation(CertificationProcess.MESSAGE_NOTIFICATION_RECEIVED)
          .processInstanceBusinessKey(c.certificationNumber())
          .setVariables(variables).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("認定番号 " + c.certificationNumber() + " は届出を受け付けられる状態ではありません。");
    }
    return id;
  }

  /** Markdown for the staff's forms (a string variable holds at most 4,000 characters). */
  private static String summary(NotificationKind kind, Request request, List<Change> changes, boolean byStaff,
      Map<String, String> current) {
    StringBuilder text = new StringBuilder();
    text.append("**届出の種類** ").append(LABELS.get(kind)).append(byStaff ? "（事務局が記録）" : "").append("\n\n");
    text.append("**発生日** ").append(request.occurredOn()).append("\n\n");
    if (kind == NotificationKind.SPLIT) {
      text.append("**認定サービスに係る事業を承継させるか** ")
          .append(Boolean.TRUE.equals(request.passesCertifiedBusiness()) ? "はい" : "いいえ").append("\n\n");
    }
    text.append("**内容** ").append(Markdown.inline(request.description())).append("\n\n");
    if (!changes.isEmpty()) {
      // 第13条1: staff judge each change against what the certification holds now.
      text.append("| 項目 | 変更前 | 変更後 |\n|---|---|---|\n");
      for (Change change : changes) {
        String before = current.get(change.itemId());
        text.append("| ").append(Markdown.inline(change.itemId())).append(" | ")
            .append(before == null ? "（未記載）" : cell(before)).append(" | ").append(cell(change.value()))
            .append(" |\n");
      }
    }
    return Markdown.clip(text.toString(), 3900);
  }

  /** A value in a table cell: literal, on one line, at most 300 characters (the full text is in the API). */
  private static String cell(String value) {
    return Markdown.clip(Markdown.inline(value), 300);
  }

  /** The disclosure values the certification holds now (withheld ones included: staff see them). */
  private Map<String, String> currentValues(Certification c) {
    if (c.disclosureJson() == null) {
      return Map.of();
    }
    try {
      Map<String, String> values = new HashMap<>();
      for (Map<String, String> row : json.readValue(c.disclosureJson(), DISCLOSURE_ROWS)) {
        values.put(row.get("itemId"), row.get("value"));
      }
      return values;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }


  public Notification get(String id) {
    return jdbc.sql("SELECT * FROM certification_notification WHERE id = ?").param(id)
        .query(CertificationNotifications::map).single();
  }

  private static Notification map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Notification(rs.getString("id"), rs.getString("certification_number"),
        NotificationKind.valueOf(rs.getString("kind")), rs.getObject("occurred_on", LocalDate.class),
        rs.getString("description"), rs.getString("changes_json"), rs.getString("basis"), rs.getString("outcome"),
        rs.getTimestamp("received_at").toInstant());
  }

  /** The notifications of a certification, oldest first (the portal lists them with their outcome). */
  public List<Notification> of(String certificationNumber) {
    return jdbc.sql("SELECT * FROM certification_notification WHERE certification_number = ? ORDER BY received_at, id")
        .param(certificationNumber).query(CertificationNotifications::map).list();
  }

  public void recordOutcome(String id, String outcome, String note) {
    jdbc.sql("UPDATE certification_notification SET outcome = ?, review_note = ? WHERE id = ?")
        .params(outcome, note, id).update();
  }

  public List<Change> changes(Notification n) {
    if (n.changesJson() == null) {
      return List.of();
    }
    try {
      return List.of(json.readValue(n.changesJson(), Change[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public record Notification(String id, String certificationNumber, NotificationKind kind, LocalDate occurredOn,
      String description, String changesJson, String basis, String outcome, Instant receivedAt) {}
}
