package jp.iotcert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.iotcert.IotCertApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The `postgres` profile itself, as an installation starts it: the administrator and the payment
 * token come from the environment (start-up fails clearly without them or with weak ones), no demo
 * account exists, and nobody can create an administrator through the Admin webapp's setup.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresProfileIT {

  private static final String ADMIN = "chief";
  private static final String ADMIN_PASSWORD = "a-long-admin-passphrase-42";
  private static final String TOKEN = "0123456789abcdef0123456789abcdef-payment";

  @Test
  void refusesToStartWithoutStrongAdministratorAndTokenSettings() {
    String url = PostgresTestDatabase.freshDatabase("iotcert_profile_refused");
    assertThatThrownBy(() -> start(url, "", "", TOKEN).close())
        .hasStackTraceContaining("IOTCERT_ADMIN_USER").hasStackTraceContaining("IOTCERT_ADMIN_PASSWORD");
    assertThatThrownBy(() -> start(url, ADMIN, "short-pw", TOKEN).close())
        .hasStackTraceContaining("IOTCERT_ADMIN_PASSWORD").hasStackTraceContaining("12");
    assertThatThrownBy(() -> start(url, ADMIN, ADMIN_PASSWORD, "").close())
        .hasStackTraceContaining("IOTCERT_PAYMENT_TOKEN");
    assertThatThrownBy(() -> start(url, ADMIN, ADMIN_PASSWORD, "too-short-token").close())
        .hasStackTraceContaining("IOTCERT_PAYMENT_TOKEN").hasStackTraceContaining("32");
    assertThatThrownBy(() -> start(url, ADMIN, ADMIN_PASSWORD, "demo-payment-token-not-for-production").close())
        .hasStackTraceContaining("IOTCERT_PAYMENT_TOKEN");
  }

  @Test
  void startsWithTheAdministratorFromTheEnvironmentOnlyAndNoSetup() throws Exception {
    String url = PostgresTestDatabase.freshDatabase("iotcert_profile");
    try (ConfigurableApplicationContext app = start(url, ADMIN, ADMIN_PASSWORD, TOKEN)) {
      String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      IdentityService identity = app.getBean(IdentityService.class);
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

      // A stranger tries the Admin webapp's first-administrator setup, as its page would.
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/admin/default/setup/"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(403);
      HttpResponse<String> welcome = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/welcome/default/"))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      String csrf = welcome.headers().firstValue("X-XSRF-TOKEN").orElse("");
      HttpResponse<String> setup = browser.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/setup/default/user/create"))
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString("{\"profile\": {\"id\": \"intruder\", \"firstName\": \"I\","
              + " \"lastName\": \"N\", \"email\": \"i@example.com\"}, \"credentials\": {\"password\": \"intruder-pw-123\"}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(setup.statusCode()).isEqualTo(403);
      assertThat(identity.createUserQuery().userId("intruder").count()).isZero();

      // The one account is the administrator from the environment; no demo account exists.
      assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly(ADMIN);
      assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup("camunda-admin").count()).isEqualTo(1);
      // (/api rather than /engine-rest: this context's engine has a unique name, the REST API wants "default".)
      assertThat(get(base, "/api/disclosure-items", ADMIN, ADMIN_PASSWORD).statusCode()).isEqualTo(200);
      assertThat(get(base, "/api/disclosure-items", "demo", "demo").statusCode()).isEqualTo(401);
      assertThat(get(base, "/api/disclosure-items", "staff1", "demo").statusCode()).isEqualTo(401);

      // The payment system's token from the environment works; the demo token does not.
      assertThat(pay(base, TOKEN).statusCode()).isEqualTo(404);
      assertThat(pay(base, "demo-payment-token-not-for-production").statusCode()).isEqualTo(401);
    }
  }

  private static HttpResponse<String> get(String base, String path, String user, String password) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> pay(String base, String token) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/api/applications/A-1999-000001/payments"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1, \"paidOn\": \"2026-01-01\", \"reference\": \"R\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** As an installation starts it: the postgres profile, the secrets as the environment gives them. */
  private static ConfigurableApplicationContext start(String url, String admin, String password, String token) {
    return new SpringApplicationBuilder(IotCertApplication.class).profiles("postgres").run(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + PostgresTestDatabase.USER,
        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--iotcert.mail.enabled=false",
        "--iotcert.admin.user-id=" + admin,
        "--iotcert.admin.password=" + password,
        "--iotcert.payment.token=" + token);
  }
}
