package jp.iotcert.certification;

import java.util.HashMap;
import java.util.Map;
import jp.iotcert.notice.NoticeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Notices to a certified provider, sent to the contact of the application behind the current certification. */
@Service
public class ProviderNotifier {

  private final JdbcClient jdbc;
  private final NoticeService notices;

  public ProviderNotifier(JdbcClient jdbc, NoticeService notices) {
    this.jdbc = jdbc;
    this.notices = notices;
  }

  public void send(Certification c, ProviderNotice notice) {
    send(c, notice, Map.of());
  }

  public void send(Certification c, ProviderNotice notice, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put("certificationNumber", c.certificationNumber());
    values.put("serviceName", c.serviceName());
    values.put("providerName", c.providerName());
    values.put("validUntil", c.validUntil().toString());
    values.put("opensOn", Validity.renewalWindowOpens(c.validUntil()).toString());
    values.put("closesOn", Validity.renewalWindowCloses(c.validUntil()).toString());
    String recipient = jdbc.sql("SELECT contact_email FROM application WHERE application_number = ?")
        .param(c.applicationNumber()).query(String.class).optional().orElse(null);
    if (recipient == null) {
      // Imported certifications may have no application here: the notice is kept for staff to forward.
      recipient = "secretariat";
    }
    notices.send(null, c.certificationNumber(), notice.name(), recipient, notice.subject(values), notice.body(values));
  }
}
