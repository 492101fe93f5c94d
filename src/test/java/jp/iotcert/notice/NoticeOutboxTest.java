package jp.iotcert.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.iotcert.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices are mailed after commit (on the mailer's own threads), never for a rolled-back transaction,
 * retried until the mail server answers, and sent once even when deliveries race.
 */
class NoticeOutboxTest extends ProcessTestBase {

  @Autowired NoticeService notices;
  @Autowired NoticeMailer mailer;
  @Autowired TransactionTemplate transactions;

  @Test
  void mailsOnlyWhatWasCommitted() throws Exception {
    transactions.executeWithoutResult(status -> {
      notices.send("A-OUTBOX-1", null, "TEST", "a@example.jp", "【試験】取り消される通知", "本文");
      status.setRollbackOnly();
    });
    transactions.executeWithoutResult(status -> notices.send("A-OUTBOX-2", null, "TEST", "b@example.jp", "【試験】届く通知", "本文"));
    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("A-OUTBOX-2")));
    assertThat(subjectsOfThisTest()).containsExactly("【試験】届く通知");
    assertThat(status("A-OUTBOX-1")).isNull();
  }

  @Test
  void keepsANoticePendingWhileTheMailServerIsDownAndSendsItLater() throws Exception {
    MAIL.stop();
    transactions.executeWithoutResult(status -> notices.send("A-OUTBOX-3", null, "TEST", "c@example.jp", "【試験】後で届く通知", "本文"));
    await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING/1".equals(status("A-OUTBOX-3") + "/" + attempts("A-OUTBOX-3")));
    MAIL.start();
    mailer.retryPending();
    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("A-OUTBOX-3")));
    assertThat(attempts("A-OUTBOX-3")).isEqualTo(2);
    assertThat(subjectsOfThisTest()).containsExactly("【試験】後で届く通知");
  }

  @Test
  void sendsANoticeOnceWhenDeliveriesAndTheRetryRace() throws Exception {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        INSERT INTO notice (id, application_number, kind, recipient, subject, body, sent_at, mail_status)
        VALUES (?, 'A-OUTBOX-4', 'TEST', 'd@example.jp', '【試験】一度だけ届く通知', '本文', ?, 'PENDING')""")
        .params(id, Timestamp.from(Instant.now())).update();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      racers.add(threads.submit(() -> {
        start.await();
        if (n % 2 == 0) {
          mailer.deliver(id);
        } else {
          mailer.retryPending();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> racer : racers) {
      racer.get(30, TimeUnit.SECONDS);
    }
    threads.shutdown();
    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("A-OUTBOX-4")));
    Thread.sleep(500); // a duplicate would arrive just after the first
    assertThat(subjectsOfThisTest()).containsExactly("【試験】一度だけ届く通知");
  }

  /**
   * The mails of this class's notices: notices of other tests in the same context that found the
   * server stopped between tests are still pending and may be retried during these tests.
   */
  private List<String> subjectsOfThisTest() throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getSubject().startsWith("【試験】")) {
        subjects.add(m.getSubject());
      }
    }
    return subjects;
  }

  private Integer attempts(String applicationNumber) {
    return jdbc.sql("SELECT mail_attempts FROM notice WHERE application_number = ?").param(applicationNumber)
        .query(Integer.class).optional().orElse(null);
  }

  private String status(String applicationNumber) {
    return jdbc.sql("SELECT mail_status FROM notice WHERE application_number = ?").param(applicationNumber)
        .query(String.class).optional().orElse(null);
  }
}
