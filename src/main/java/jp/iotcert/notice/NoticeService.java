package jp.iotcert.notice;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import jp.iotcert.common.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Records every notice (第6条4, reminders, closings) and e-mails it when mail is enabled. A mail
 * failure throws, so the calling job is retried and, in the end, shows as an incident in Cockpit:
 * a notice is never silently lost.
 */
@Service
public class NoticeService {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeService.class);

  private final JdbcClient jdbc;
  private final BusinessCalendar calendar;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final boolean mailEnabled;
  private final String from;

  public NoticeService(JdbcClient jdbc, BusinessCalendar calendar, ObjectProvider<JavaMailSender> mailSender,
      @Value("${iotcert.mail.enabled}") boolean mailEnabled, @Value("${iotcert.mail.from}") String from) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.mailSender = mailSender;
    this.mailEnabled = mailEnabled;
    this.from = from;
  }

  public void send(String applicationNumber, String certificationNumber, String kind, String recipient,
      String subject, String body) {
    // Recorded first: when the mail fails, the exception rolls the record back with the job, and the
    // retry records and sends again.
    jdbc.sql("""
        INSERT INTO notice (id, application_number, certification_number, kind, recipient, subject, body, sent_at, mailed)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), applicationNumber, certificationNumber, kind, recipient, subject, body,
            Timestamp.from(calendar.now()), mailEnabled)
        .update();
    if (mailEnabled) {
      SimpleMailMessage mail = new SimpleMailMessage();
      mail.setFrom(from);
      mail.setTo(recipient);
      mail.setSubject(subject);
      mail.setText(body);
      mailSender.getObject().send(mail);
    } else {
      LOG.info("Notice {} for {} recorded; e-mail is disabled (iotcert.mail.enabled=false)", kind,
          applicationNumber != null ? applicationNumber : certificationNumber);
    }
  }

  public List<Notice> forApplication(String applicationNumber) {
    return jdbc.sql("""
        SELECT kind, recipient, subject, body, sent_at, mailed FROM notice WHERE application_number = ?
        ORDER BY sent_at, kind""")
        .param(applicationNumber)
        .query((rs, i) -> new Notice(rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
            rs.getString("body"), rs.getTimestamp("sent_at").toInstant(), rs.getBoolean("mailed")))
        .list();
  }
}
