package jp.iotcert.certification;

import jp.iotcert.notice.NoticeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Notices to a certified provider, sent to the contact of the application that led to the certification. */
@Service
public class ProviderNotifier {

  private final JdbcClient jdbc;
  private final NoticeService notices;

  public ProviderNotifier(JdbcClient jdbc, NoticeService notices) {
    this.jdbc = jdbc;
    this.notices = notices;
  }

  public void send(Certification certification, String kind, String subject, String body) {
    String recipient = jdbc.sql("SELECT contact_email FROM application WHERE application_number = ?")
        .param(certification.applicationNumber()).query(String.class).optional().orElseThrow(
            () -> new IllegalStateException("No contact for certification " + certification.certificationNumber()));
    notices.send(null, certification.certificationNumber(), kind, recipient, subject, body);
  }
}
