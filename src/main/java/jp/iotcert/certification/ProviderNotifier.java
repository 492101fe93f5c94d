package jp.iotcert.certification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import jp.iotcert.notice.NoticeService;
import jp.iotcert.notice.NoticeText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/** Notices to a certified provider, sent to the contact of the application behind the current certification. */
@Service
public class ProviderNotifier {

  private final JdbcClient jdbc;
  private final NoticeService notices;
  private final String secretariat;
  private final String publicBaseUrl;

  public ProviderNotifier(JdbcClient jdbc, NoticeService notices,
      @Value("${iotcert.mail.from}") String secretariat, @Value("${iotcert.public-base-url}") String publicBaseUrl) {
    this.secretariat = secretariat;
    this.publicBaseUrl = publicBaseUrl;
    this.jdbc = jdbc;
    this.notices = notices;
  }

  public void send(Certification c, NoticeText notice) {
    send(c, notice, Map.of());
  }

  public void send(Certification c, NoticeText notice, Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put("certificationNumber", c.certificationNumber());
    values.put("serviceName", c.serviceName());
    values.put("providerName", c.providerName());
    // The certification's page on the applicants' portal, where the provider answers what a notice asks.
    values.put("portalUrl", publicBaseUrl + "/portal/certifications/"
        + UriUtils.encodePathSegment(c.certificationNumber(), StandardCharsets.UTF_8));
    values.put("validUntil", c.validUntil().toString());
    values.put("opensOn", Validity.renewalWindowOpens(c.validUntil()).toString());
    values.put("closesOn", Validity.renewalWindowCloses(c.validUntil()).toString());
    // The contact of the application behind the certification; for an imported one, the contact
    // given at import; failing both, the secretariat, which forwards it.
    String recipient = c.applicationNumber() == null ? null
        : jdbc.sql("SELECT contact_email FROM application WHERE application_number = ?")
            .param(c.applicationNumber()).query(String.class).optional().orElse(null);
    if (recipient == null) {
      recipient = jdbc.sql("SELECT contact_email FROM certification WHERE certification_number = ?")
          .param(c.certificationNumber()).query(String.class).optional().orElse(null);
    }
    if (recipient == null) {
      recipient = secretariat;
    }
    notices.send(null, c.certificationNumber(), notice, recipient, values);
  }
}
