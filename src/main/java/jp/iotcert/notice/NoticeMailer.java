package jp.iotcert.notice;

import java.sql.Timestamp;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails recorded notices. Each notice is tried right after its transaction commits and then again
 * every iotcert.mail.retry-interval until sent or iotcert.mail.max-attempts is reached (then it is
 * FAILED and logged as an error for the operators).
 */
@Component
public class NoticeMailer {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeMailer.class);

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final String from;
  private final int maxAttempts;

  public NoticeMailer(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender,
      @Value("${iotcert.mail.from}") String from, @Value("${iotcert.mail.max-attempts:10}") int maxAttempts) {
    this.jdbc = jdbc;
    this.mailSender = mailSender;
    this.from = from;
    this.maxAttempts = maxAttempts;
  }

  /** Sends one pending notice; never throws (the notice stays pending on failure). */
  public void deliver(String noticeId) {
    var notice = jdbc.sql("SELECT recipient, subject, body, mail_attempts FROM notice WHERE id = ? AND mail_status = ?")
        .params(noticeId, NoticeService.PENDING)
        .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)})
        .optional();
    if (notice.isEmpty()) {
      return;
    }
    Object[] n = notice.get();
    int attempts = (Integer) n[3] + 1;
    try {
      SimpleMailMessage mail = new SimpleMailMessage();
      mail.setFrom(from);
      mail.setTo((String) n[0]);
      mail.setSubject((String) n[1]);
      mail.setText((String) n[2]);
      mailSender.getObject().send(mail);
      jdbc.sql("UPDATE notice SET mail_status = ?, mail_attempts = ?, mailed_at = ? WHERE id = ?")
          .params(NoticeService.SENT, attempts, Timestamp.from(Instant.now()), noticeId).update();
    } catch (MailException e) {
      String status = attempts >= maxAttempts ? NoticeService.FAILED : NoticeService.PENDING;
      jdbc.sql("UPDATE notice SET mail_status = ?, mail_attempts = ? WHERE id = ?")
          .params(status, attempts, noticeId).update();
      if (status.equals(NoticeService.FAILED)) {
        LOG.error("Notice {} to {} could not be e-mailed after {} attempts; it stays recorded", noticeId, n[0], attempts, e);
      } else {
        LOG.warn("Notice {} to {} not e-mailed yet (attempt {}): {}", noticeId, n[0], attempts, e.getMessage());
      }
    }
  }

  @Scheduled(fixedDelayString = "${iotcert.mail.retry-interval:PT5M}", initialDelayString = "${iotcert.mail.retry-interval:PT5M}")
  public void retryPending() {
    for (String id : jdbc.sql("SELECT id FROM notice WHERE mail_status = ? ORDER BY sent_at")
        .param(NoticeService.PENDING).query(String.class).list()) {
      deliver(id);
    }
  }
}
