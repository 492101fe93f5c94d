package jp.iotcert.notice;

import java.sql.Timestamp;
import java.time.Instant;
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
  private final NoticePdfs pdfs;
  private final NoticeTemplates templates;
  private final boolean mailEnabled;

  public NoticeService(JdbcClient jdbc, BusinessCalendar calendar, NoticeMailer mailer, NoticePdfs pdfs,
      NoticeTemplates templates,
      @Value("${iotcert.mail.enabled}") boolean mailEnabled) {
    this.pdfs = pdfs;
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
    Instant sentAt = calendar.now();
    // The letter is made now, from the notice as recorded, and kept: what was sent stays what was sent.
    NoticePdfs.Letter letter = pdfs.render(id, subject, body, sentAt);
    jdbc.sql("""
        INSERT INTO notice (id, application_number, certification_number, kind, recipient, subject, body, sent_at,
          mail_status, template_kind, template_version, layout_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, applicationNumber, certificationNumber, kind, recipient, subject, body,
            Timestamp.from(sentAt), mailEnabled ? PENDING : DISABLED, templateKind, templateVersion,
            letter.layoutVersion())
        .update();
    pdfs.store(id, letter);
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
    return list("n.application_number = ?", applicationNumber);
  }

  /** Every notice about a certification (the provider's, and the applicant's of its applications). */
  public List<Notice> forCertification(String certificationNumber) {
    return list("n.certification_number = ?", certificationNumber);
  }

  private List<Notice> list(String condition, String number) {
    return jdbc.sql("""
        SELECT n.id, n.kind, n.recipient, n.subject, n.body, n.sent_at, n.mail_status, n.template_kind,
          n.template_version, n.layout_version, CASE WHEN l.notice_id IS NULL THEN 0 ELSE 1 END AS has_letter
        FROM notice n LEFT JOIN notice_letter l ON l.notice_id = n.id WHERE %s
        ORDER BY n.sent_at, n.kind""".formatted(condition))
        .param(number)
        .query((rs, i) -> new Notice(rs.getString("id"), rs.getString("kind"), rs.getString("recipient"),
            rs.getString("subject"), rs.getString("body"), rs.getTimestamp("sent_at").toInstant(),
            SENT.equals(rs.getString("mail_status")), rs.getInt("has_letter") == 1,
            rs.getString("template_kind"), rs.getObject("template_version", Integer.class),
            rs.getObject("layout_version", Integer.class)))
        .list();
  }
}
