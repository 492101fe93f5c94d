package jp.iotcert.notice;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.iotcert.common.BusinessCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every notice (第6条4, reminders, closings) as part of the caller's transaction; when mail
 * is enabled the notice is handed to {@link NoticeMailer} once that transaction has committed (an
 * outbox): a job that rolls back sends nothing, and the caller never waits for the mail server.
 */
@Service
public class NoticeService {

  static final String PENDING = "PENDING";
  static final String SENDING = "SENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";
  static final String DISABLED = "DISABLED";

  private final JdbcClient jdbc;
  private final BusinessCalendar calendar;
  private final NoticeMailer mailer;
  private final NoticeTemplates templates;
  private final boolean mailEnabled;

  public NoticeService(JdbcClient jdbc, BusinessCalendar calendar, NoticeMailer mailer, NoticeTemplates templates,
      @Value("${iotcert.mail.enabled}") boolean mailEnabled) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.mailer = mailer;
    this.templates = templates;
    this.mailEnabled = mailEnabled;
  }

  /**
   * Writes the notice from its kind's current template (recording the template's version with it)
   * and records it; returns its id.
   */
  public String send(String applicationNumber, String certificationNumber, NoticeText notice, String recipient,
      Map<String, String> values) {
    NoticeTemplates.Rendered text = templates.render(notice.template(), values);
    return record(applicationNumber, certificationNumber, notice.name(), recipient, text.subject(), text.body(),
        text.kind(), text.version());
  }

  /** Records a notice whose text the caller wrote (no template); returns its id. */
  public String send(String applicationNumber, String certificationNumber, String kind, String recipient,
      String subject, String body) {
    return record(applicationNumber, certificationNumber, kind, recipient, subject, body, null, null);
  }

  private String record(String applicationNumber, String certificationNumber, String kind, String recipient,
      String subject, String body, String templateKind, Integer templateVersion) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO notice (id, application_number, certification_number, kind, recipient, subject, body, sent_at,
          mail_status, template_kind, template_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, applicationNumber, certificationNumber, kind, recipient, subject, body,
            Timestamp.from(calendar.now()), mailEnabled ? PENDING : DISABLED, templateKind, templateVersion)
        .update();
    if (!mailEnabled) {
      return id;
    }
    // Only a hand-over: afterCommit runs on the caller's thread with its connection still bound.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          mailer.enqueue(id);
        }
      });
    } else {
      mailer.enqueue(id);
    }
    return id;
  }

  public List<Notice> forApplication(String applicationNumber) {
    return jdbc.sql("""
        SELECT kind, recipient, subject, body, sent_at, mail_status, template_kind, template_version FROM notice
        WHERE application_number = ?
        ORDER BY sent_at, kind""")
        .param(applicationNumber)
        .query((rs, i) -> new Notice(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
            rs.getString("body"), rs.getTimestamp("sent_at").toInstant(), SENT.equals(rs.getString("mail_status")),
            rs.getString("template_kind"), (Integer) rs.getObject("template_version", Integer.class)))
        .list();
  }
}
