package jp.iotcert.corporatenumber;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The National Tax Agency's corporate-number Web-API, {@code iotcert.corporate-number-check.*}
 * (defaults in application.yaml, explained in docs/operations.md).
 *
 * @param baseUrl the API's address without the version (https://api.houjin-bangou.nta.go.jp)
 * @param applicationId the body's application id (アプリケーションID) issued by the NTA; a credential.
 *     Empty: the check is not configured and staff check the 登記事項証明書 by hand, without any call.
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for the answer (socket timeout between packets)
 */
@ConfigurationProperties("iotcert.corporate-number-check")
public record CorporateNumberCheckSettings(String baseUrl, String applicationId, Duration connectTimeout,
    Duration readTimeout) {

  public CorporateNumberCheckSettings {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.houjin-bangou.nta.go.jp" : baseUrl.strip();
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    URI uri = URI.create(baseUrl);
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("iotcert.corporate-number-check.base-url must be an http(s) address "
          + "without query or fragment: " + baseUrl);
    }
    applicationId = applicationId == null ? "" : applicationId.strip();
    // The id goes into a query parameter as it is: refuse anything that would change the query.
    if (!applicationId.matches("[A-Za-z0-9]*")) {
      throw new IllegalArgumentException("iotcert.corporate-number-check.application-id must be letters and digits");
    }
    connectTimeout = positive(connectTimeout, Duration.ofSeconds(3), "connect-timeout");
    readTimeout = positive(readTimeout, Duration.ofSeconds(5), "read-timeout");
  }

  /** Configured: an application id is set, so the process asks the API. */
  public boolean configured() {
    return !applicationId.isEmpty();
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    Duration d = value == null ? fallback : value;
    if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("iotcert.corporate-number-check." + name + " must be positive: " + d);
    }
    return d;
  }

  /** Never the id: settings end up in logs and actuator output. */
  @Override
  public String toString() {
    return "CorporateNumberCheckSettings[baseUrl=" + baseUrl + ", applicationId=" + (configured() ? "(set)" : "(empty)")
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
  }
}
