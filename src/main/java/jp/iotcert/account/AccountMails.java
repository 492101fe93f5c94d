package jp.iotcert.account;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The account mails (confirmation, invitation, reset, binding decision). Unlike notices they are not
 * recorded: their links are secrets that must not lie in the database in the clear (only their hashes
 * do), and a lost one is simply asked for again. Sent once the caller's transaction has committed, on a
 * thread of its own with a bounded queue, so a slow mail server never holds a request or a connection
 * (the JavaMail timeouts of spring.mail.properties bound each attempt).
 */
@Component
public class AccountMails implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(AccountMails.class);

  private final ObjectProvider<JavaMailSender> mailSender;
  private final String from;
  private final boolean enabled;
  private final String baseUrl;
  private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(200), r -> {
        Thread thread = new Thread(r, "account-mail");
        thread.setDaemon(true);
        return thread;
      });

  public AccountMails(ObjectProvider<JavaMailSender> mailSender, @Value("${iotcert.mail.from}") String from,
      @Value("${iotcert.mail.enabled}") boolean enabled, @Value("${iotcert.public-base-url}") String baseUrl) {
    this.mailSender = mailSender;
    this.from = from;
    this.enabled = enabled;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The absolute address of a portal path, for links in mails. */
  public String link(String path) {
    return baseUrl + path;
  }

  /** Sends the mail after the current transaction commits (at once when there is none); nothing on a rollback. */
  public void send(String to, String subject, String body) {
    if (!enabled) {
      LOG.info("Account mail to {} not sent (iotcert.mail.enabled is off): {}", to, subject);
      return;
    }
    Runnable delivery = () -> deliver(to, subject, body + SIGNATURE);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          hand(delivery, to);
        }
      });
    } else {
      hand(delivery, to);
    }
  }

  private void hand(Runnable delivery, String to) {
    try {
      executor.execute(delivery);
    } catch (RejectedExecutionException e) {
      LOG.warn("Account mail to {} dropped: the mail queue is full", to);
    }
  }

  private void deliver(String to, String subject, String body) {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      LOG.warn("Account mail to {} not sent: no mail server configured", to);
      return;
    }
    try {
      MimeMessage mail = sender.createMimeMessage();
      MimeMessageHelper message = new MimeMessageHelper(mail, false, StandardCharsets.UTF_8.name());
      message.setFrom(from);
      message.setTo(to);
      message.setSubject(subject);
      message.setText(body);
      sender.send(mail);
    } catch (Exception e) {
      // The person asks again (a new link); the link itself is never logged.
      LOG.warn("Account mail to {} failed: {}", to, e.toString());
    }
  }

  private static final String SIGNATURE = """

      ――――――――――――――――
      IoTクラウドサービス情報開示認定 認定機関 事務局
      このメールは送信専用のアドレスから送っています。お心当たりのない場合は、このメールを破棄してください。
      """;

  @Override
  public void destroy() {
    executor.shutdown();
  }
}
