package jp.iotcert.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails recorded notices on its own few threads, so a slow or silent mail server can never hold a
 * web request, a job executor thread or a database connection.
 *
 * <p>A notice is handed over after its transaction commits ({@link #enqueue}) and again every
 * iotcert.mail.retry-interval while it is PENDING. The queue is bounded: when it is full the notice
 * simply stays PENDING for the next retry round. Each delivery claims the notice in a short
 * transaction (PENDING to SENDING, guarded by its status, so a notice is sent by one thread of one
 * node only), talks to the mail server with no connection held (JavaMail timeouts in
 * spring.mail.properties bound the wait), and records the outcome in another short transaction.
 * The mail carries the notice's stored letter (PDF, {@link NoticePdfs}) when it has one.
 *
 * <p>After iotcert.mail.max-attempts failures the notice is FAILED, logged as an error and shown as
 * an incident in Cockpit ({@link NoticeDeliveryIncidents}); a FAILED notice is still tried every
 * iotcert.mail.failed-retry-interval, and once it is delivered its incident is resolved. So no notice
 * is lost to a long outage, and none is sent twice (the same claim guards every attempt).
 */
@Component
public class NoticeMailer implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeMailer.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate shortTransaction;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NoticePdfs letters;
  private final NoticeDeliveryIncidents incidents;
  private final String from;
  private final String failedRetryInterval;
  private final int maxAttempts;
  private final Duration claimTimeout;
  private final int batchSize;
  private final ThreadPoolExecutor executor;
  /** Notices waiting in the queue or being sent here, so a retry round does not queue them twice. */
  private final Set<String> inHand = ConcurrentHashMap.newKeySet();

  public NoticeMailer(JdbcClient jdbc, PlatformTransactionManager transactionManager,
      ObjectProvider<JavaMailSender> mailSender, NoticePdfs letters,
      NoticeDeliveryIncidents incidents, @Value("${iotcert.mail.from}") String from,
      @Value("${iotcert.mail.failed-retry-interval}") Duration failedRetryInterval,
      @Value("${iotcert.mail.max-attempts}") int maxAttempts,
      @Value("${iotcert.mail.claim-timeout}") Duration claimTimeout,
      @Value("${iotcert.mail.threads}") int threads,
      @Value("${iotcert.mail.queue-capacity}") int queueCapacity) {
    this.jdbc = jdbc;
    this.shortTransaction = new TransactionTemplate(transactionManager);
    // Its own transaction even if called inside another: a claim must be visible to others at once.
    this.shortTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.mailSender = mailSender;
    this.letters = letters;
    this.incidents = incidents;
    this.from = from;
    this.failedRetryInterval = readable(failedRetryInterval);
    this.maxAttempts = maxAttempts;
    this.claimTimeout = claimTimeout;
    this.batchSize = threads + queueCapacity;
    // Not a Spring bean on purpose: an Executor bean would replace Boot's applicationTaskExecutor.
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity), new MailThreads(), new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Hands a committed notice to the mail threads and returns at once; false if the queue is full
   * (the notice stays PENDING and the next retry round takes it).
   */
  public boolean enqueue(String noticeId) {
    if (!inHand.add(noticeId)) {
      return true;
    }
    try {
      executor.execute(() -> {
        try {
          deliver(noticeId);
        } finally {
          inHand.remove(noticeId);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      inHand.remove(noticeId);
      LOG.info("Mail queue full: notice {} stays pending for the next retry round", noticeId);
      return false;
    }
  }

  /** Hands the pending notices over, oldest first, as far as the queue takes them. */
  @Scheduled(fixedDelayString = "${iotcert.mail.retry-interval}", initialDelayString = "${iotcert.mail.retry-interval}")
  public void retryPending() {
    // A SENDING notice whose claim is older than any send can take was abandoned (a crash mid-send).
    List<String> due = jdbc.sql("""
        SELECT id FROM notice WHERE mail_status = ? OR (mail_status = ? AND mailed_at < ?)
        ORDER BY sent_at FETCH FIRST ? ROWS ONLY""")
        .params(NoticeService.PENDING, NoticeService.SENDING, Timestamp.from(Instant.now().minus(claimTimeout)), batchSize)
        .query(String.class).list();
    for (String id : due) {
      if (!enqueue(id)) {
        return;
      }
    }
  }

  /**
   * Hands the FAILED notices over again (their incidents stay open until one is delivered), oldest
   * first, as far as the queue takes them.
   */
  @Scheduled(fixedDelayString = "${iotcert.mail.failed-retry-interval}",
      initialDelayString = "${iotcert.mail.failed-retry-interval}")
  public void retryFailed() {
    List<String> due = jdbc.sql("SELECT id FROM notice WHERE mail_status = ? ORDER BY sent_at FETCH FIRST ? ROWS ONLY")
        .params(NoticeService.FAILED, batchSize).query(String.class).list();
    for (String id : due) {
      if (!enqueue(id)) {
        return;
      }
    }
  }

  /** Sends one notice if it can claim it; never throws. Runs on a mail thread (package-private for tests). */
  void deliver(String noticeId) {
    try {
      Optional<Claimed> claimed = shortTransaction.execute(status -> claim(noticeId));
      if (claimed.isPresent()) {
        send(claimed.get());
      }
    } catch (RuntimeException e) {
      // A database failure: the notice stays as it was (or SENDING until its claim times out).
      LOG.error("Notice {} could not be handled by the mailer", noticeId, e);
    }
  }

  private Optional<Claimed> claim(String noticeId) {
    Instant now = Instant.now();
    // mailed_at holds the start of the attempt while SENDING, the time of sending once SENT.
    int claimedRows = jdbc.sql("""
        UPDATE notice SET mail_status = ?, mail_attempts = mail_attempts + 1, mailed_at = ?
        WHERE id = ? AND (mail_status IN (?, ?) OR (mail_status = ? AND mailed_at < ?))""")
        .params(NoticeService.SENDING, Timestamp.from(now), noticeId, NoticeService.PENDING, NoticeService.FAILED,
            NoticeService.SENDING, Timestamp.from(now.minus(claimTimeout)))
        .update();
    if (claimedRows == 0) {
      return Optional.empty(); // sent, failed, disabled, or being sent by another thread or node
    }
    return jdbc.sql("""
        SELECT recipient, subject, body, mail_attempts, kind, COALESCE(application_number, certification_number),
          incident_process_instance_id FROM notice WHERE id = ?""").param(noticeId)
        .query((rs, i) -> new Claimed(noticeId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            rs.getString(5), rs.getString(6), rs.getString(7)))
        .optional();
  }

  private void send(Claimed n) {
    try {
      // Read before talking to the server: the attachment's own short read holds no connection during the send.
      Optional<byte[]> pdf = letters.pdfOf(n.id());
      JavaMailSender sender = mailSender.getObject();
      MimeMessage mail = sender.createMimeMessage();
      MimeMessageHelper message = new MimeMessageHelper(mail, pdf.isPresent(), StandardCharsets.UTF_8.name());
      message.setFrom(from);
      message.setTo(n.recipient());
      message.setSubject(n.subject());
      message.setText(n.body());
      if (pdf.isPresent()) {
        message.addAttachment("notice-" + n.kind() + ".pdf", new ByteArrayResource(pdf.get()), "application/pdf");
      }
      sender.send(mail);
    } catch (RuntimeException | MessagingException e) {
      failed(n, e);
      return;
    }
    shortTransaction.executeWithoutResult(status -> jdbc.sql(
        "UPDATE notice SET mail_status = ?, mailed_at = ? WHERE id = ? AND mail_status = ?")
        .params(NoticeService.SENT, Timestamp.from(Instant.now()), n.id(), NoticeService.SENDING).update());
    if (n.incidentInstance() != null) {
      try {
        incidents.close(n.incidentInstance());
        LOG.info("Notice {} to {} e-mailed after all; its incident is resolved", n.id(), n.recipient());
      } catch (RuntimeException e) {
        LOG.error("Notice {} was e-mailed but its incident (instance {}) could not be resolved; resolve it in Cockpit",
            n.id(), n.incidentInstance(), e);
      }
    }
  }

  private void failed(Claimed n, Exception e) {
    String status = n.attempt() >= maxAttempts ? NoticeService.FAILED : NoticeService.PENDING;
    shortTransaction.executeWithoutResult(s -> jdbc.sql(
        "UPDATE notice SET mail_status = ?, mailed_at = NULL WHERE id = ? AND mail_status = ?")
        .params(status, n.id(), NoticeService.SENDING).update());
    if (status.equals(NoticeService.FAILED)) {
      LOG.error("Notice {} to {} could not be e-mailed after {} attempts; it stays recorded", n.id(), n.recipient(),
          n.attempt(), e);
      if (n.incidentInstance() == null) {
        openIncident(n, e);
      }
    } else {
      LOG.warn("Notice {} to {} not e-mailed yet (attempt {}): {}", n.id(), n.recipient(), n.attempt(), e.getMessage());
    }
  }

  private void openIncident(Claimed n, Exception e) {
    try {
      String instance = incidents.open(n.id(), n.caseKey(), n.kind(), n.recipient(), n.subject(), n.attempt(),
          e.getMessage(), failedRetryInterval);
      shortTransaction.executeWithoutResult(s -> jdbc.sql(
          "UPDATE notice SET incident_process_instance_id = ? WHERE id = ?").params(instance, n.id()).update());
    } catch (RuntimeException failure) {
      // The notice stays FAILED and is retried; the next failure tries to open the incident again.
      LOG.error("Notice {}: the incident for its failed e-mail could not be opened", n.id(), failure);
    }
  }

  /** An interval as staff read it in the incident message, e.g. 1時間, 30分, 2秒. */
  static String readable(Duration d) {
    if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
      return d.toHours() + "時間";
    }
    if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
      return d.toMinutes() + "分";
    }
    return d.toSeconds() + "秒";
  }

  @Override
  public void destroy() {
    // Sends in progress end by their JavaMail timeouts; their notices are retried once the claim times out.
    executor.shutdownNow();
  }

  private record Claimed(String id, String recipient, String subject, String body, int attempt, String kind,
      String caseKey, String incidentInstance) {}

  /** Named daemon threads, so they show in thread dumps and never keep the JVM alive. */
  private static final class MailThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "notice-mail-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
