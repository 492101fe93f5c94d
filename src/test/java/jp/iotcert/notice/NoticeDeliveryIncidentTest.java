package jp.iotcert.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import jp.iotcert.application.ApplicantNotice;
import jp.iotcert.support.Mails;
import jp.iotcert.support.ProcessTestBase;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail server outage: the notice is retried, and after the last attempt it is FAILED and an
 * incident in Cockpit says in Japanese which notice to whom failed; once the server is back the
 * failed-notice round delivers it once and the incident is resolved. The mail carries the notice's
 * stored letter (PDF) when there is one.
 */
@TestPropertySource(properties = {"iotcert.mail.max-attempts=2", "iotcert.mail.failed-retry-interval=PT30M"})
class NoticeDeliveryIncidentTest extends ProcessTestBase {

  @Autowired NoticeService notices;
  @Autowired NoticeMailer mailer;
  @Autowired NoticePdfs pdfs;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  private final Map<String, String> values = Map.of("providerName", "株式会社不達", "applicationNumber", "A-INC-1",
      "serviceName", "不達クラウド");

  @Test
  void anOutageEndsAsAnIncidentAndTheNoticeIsDeliveredOnceAfterRecovery() throws Exception {
    MAIL.stop();
    String id = transactions.execute(s -> notices.send("A-INC-1", null, ApplicantNotice.WITHDRAWN,
        "outage@example.jp", values));
    await().atMost(Duration.ofSeconds(20)).until(() -> "PENDING/1".equals(status(id) + "/" + attempts(id)));
    mailer.retryPending();
    await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(status(id)));
    assertThat(attempts(id)).isEqualTo(2);

    Incident incident = await().atMost(Duration.ofSeconds(10)).until(() -> runtimeService.createIncidentQuery()
        .incidentType(NoticeDeliveryIncidents.TYPE).configuration(id).singleResult(), i -> i != null);
    assertThat(incident.getIncidentMessage())
        .contains("通知「【取下げ受理】申請 A-INC-1」").contains("種類 WITHDRAWN").contains("案件 A-INC-1")
        .contains("outage@example.jp へメールで送れませんでした（2 回試行）").contains("30分 ごとに送り直します")
        .contains("対処: ");
    String instance = incident.getProcessInstanceId();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getBusinessKey()).isEqualTo("A-INC-1");
    // A further failed round opens no second incident.
    mailer.retryFailed();
    await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED/3".equals(status(id) + "/" + attempts(id)));
    assertThat(runtimeService.createIncidentQuery().incidentType(NoticeDeliveryIncidents.TYPE).configuration(id).count())
        .isEqualTo(1);

    MAIL.start();
    mailer.retryPending(); // FAILED notices are not part of the ordinary round
    Thread.sleep(500);
    assertThat(status(id)).isEqualTo("FAILED");
    mailer.retryFailed();
    await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(id)));
    await().atMost(Duration.ofSeconds(10)).until(() ->
        runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    assertThat(runtimeService.createIncidentQuery().configuration(id).count()).isZero();
    HistoricIncident resolved = historyService.createHistoricIncidentQuery().incidentType(NoticeDeliveryIncidents.TYPE)
        .configuration(id).singleResult();
    assertThat(resolved.isResolved()).isTrue();
    mailer.retryFailed();
    Thread.sleep(500);
    assertThat(Stream.of(MAIL.getReceivedMessages()).filter(m -> to(m).equals("outage@example.jp")))
        .singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("【取下げ受理】申請 A-INC-1"));
  }

  @Test
  void theStoredLetterIsAttachedWhenThereIsOne() throws Exception {
    String withPdf = transactions.execute(s -> notices.send("A-INC-2", null, ApplicantNotice.WITHDRAWN,
        "pdf@example.jp", values));
    // A notice recorded before letters were stored has none: its mail is text only.
    String without = transactions.execute(s -> {
      String id = notices.send("A-INC-3", null, ApplicantNotice.WITHDRAWN, "text@example.jp", values);
      jdbc.sql("DELETE FROM notice_letter WHERE notice_id = ?").param(id).update();
      return id;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(withPdf)) && "SENT".equals(status(without)));

    MimeMessage mail = Stream.of(MAIL.getReceivedMessages()).filter(m -> to(m).equals("pdf@example.jp")).findFirst()
        .orElseThrow();
    assertThat(Mails.text(mail)).contains("株式会社不達 御中");
    Mails.Attachment pdf = Mails.pdf(mail).orElseThrow();
    assertThat(pdf.fileName()).isEqualTo("notice-WITHDRAWN.pdf");
    assertThat(pdf.bytes()).isEqualTo(pdfs.pdfOf(withPdf).orElseThrow());

    MimeMessage plain = Stream.of(MAIL.getReceivedMessages()).filter(m -> to(m).equals("text@example.jp")).findFirst()
        .orElseThrow();
    assertThat(plain.getContent()).isInstanceOf(String.class);
    assertThat(Mails.pdf(plain)).isEmpty();
  }

  private static String to(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String status(String id) {
    return jdbc.sql("SELECT mail_status FROM notice WHERE id = ?").param(id).query(String.class).single();
  }

  private int attempts(String id) {
    return jdbc.sql("SELECT mail_attempts FROM notice WHERE id = ?").param(id).query(Integer.class).single();
  }
}
