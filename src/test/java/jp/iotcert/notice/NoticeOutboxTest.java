package jp.iotcert.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jp.iotcert.support.ProcessTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Notices are mailed after commit, never for a rolled-back transaction, and retried until the mail server answers. */
class NoticeOutboxTest extends ProcessTestBase {

  @Autowired NoticeService notices;
  @Autowired NoticeMailer mailer;
  @Autowired TransactionTemplate transactions;

  @Test
  void mailsOnlyWhatWasCommitted() {
    transactions.executeWithoutResult(status -> {
      notices.send("A-OUTBOX-1", null, "TEST", "a@example.jp", "取り消される通知", "本文");
      status.setRollbackOnly();
    });
    transactions.executeWithoutResult(status -> notices.send("A-OUTBOX-2", null, "TEST", "b@example.jp", "届く通知", "本文"));
    assertThat(MAIL.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("届く通知");
    assertThat(status("A-OUTBOX-1")).isNull();
    assertThat(status("A-OUTBOX-2")).isEqualTo("SENT");
  }

  @Test
  void keepsANoticePendingWhileTheMailServerIsDownAndSendsItLater() {
    MAIL.stop();
    transactions.executeWithoutResult(status -> notices.send("A-OUTBOX-3", null, "TEST", "c@example.jp", "後で届く通知", "本文"));
    assertThat(status("A-OUTBOX-3")).isEqualTo("PENDING");
    MAIL.start();
    mailer.retryPending();
    assertThat(status("A-OUTBOX-3")).isEqualTo("SENT");
    assertThat(MAIL.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("後で届く通知");
  }

  private String status(String applicationNumber) {
    return jdbc.sql("SELECT mail_status FROM notice WHERE application_number = ?").param(applicationNumber)
        .query(String.class).optional().orElse(null);
  }
}
