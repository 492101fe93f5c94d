package jp.iotcert.corporatenumber;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The model's side of the NTA Web-API call 「法人番号を国税庁に照会する」 (Camunda Connect's
 * http-connector): whether to call at all, the URL to call (without the application id, which
 * {@link NtaRequestInterceptor} adds at send time) and the reading of the answer.
 */
@Component("corporateNumberLookup")
public class CorporateNumberLookup {

  private final CorporateNumberCheckSettings settings;

  public CorporateNumberLookup(CorporateNumberCheckSettings settings) {
    this.settings = settings;
  }

  @PostConstruct
  void register() {
    if (settings.configured()) {
      NtaRequestInterceptor.register(settings);
    }
  }

  @PreDestroy
  void unregister() {
    NtaRequestInterceptor.unregister(settings);
  }

  /** Gateway 「国税庁に照会できるか？」: an application id is configured. */
  public boolean configured() {
    return settings.configured();
  }

  /** The connector's {@code url}: version 4, one number, XML (type 12), no change history. */
  public String url(String corporateNumber) {
    return settings.baseUrl() + "/4/num?number=" + URLEncoder.encode(corporateNumber, StandardCharsets.UTF_8)
        + "&type=12&history=0";
  }

  /** The connector's output: the answer reduced to what the check compares. */
  public NtaAnswer read(Integer statusCode, String response) {
    return NtaResponseReader.read(statusCode == null ? 0 : statusCode, response);
  }
}
