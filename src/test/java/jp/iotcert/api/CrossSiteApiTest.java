package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding 7: a browser is not a way into /api. A state change sent by a page of another origin is
 * refused before anything is stored; browsers are never asked for Basic credentials (so none are
 * cached); the Tasklist session reads documents (GET only), never changes anything.
 */
class CrossSiteApiTest extends ApiTestBase {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private int applications() {
    return jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
  }

  private ResponseEntity<JsonNode> submitWith(String user, HttpHeaders extra) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.addAll(extra);
    return http.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(
        multipart(application(TestApplications.PROVIDER1_NUMBER, "越境送信"), TestApplications.PDF), headers), JsonNode.class);
  }

  private static HttpHeaders headers(String... namesAndValues) {
    HttpHeaders headers = new HttpHeaders();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  @Test
  void aStateChangeFromAnotherOriginIsRefusedAndNothingIsStored() {
    int before = applications();
    for (HttpHeaders crossSite : new HttpHeaders[] {
        headers("Origin", "https://evil.example"),
        headers("Origin", "null"),
        headers("Origin", "http://localhost:" + (port + 1)),
        headers("Sec-Fetch-Site", "cross-site"),
        headers("Sec-Fetch-Site", "same-site", "Origin", "http://localhost:" + port)}) {
      ResponseEntity<JsonNode> refused = submitWith("staff1", crossSite);
      assertThat(refused.getStatusCode().value()).as(crossSite.toString()).isEqualTo(403);
      assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(refused.getBody().get("detail").asText()).contains("他のサイト");
    }
    // A JSON endpoint posted by a cross-site <form enctype=text/plain>.
    HttpHeaders form = headers("Origin", "https://evil.example");
    form.setBasicAuth("staff1", "demo");
    form.setContentType(MediaType.TEXT_PLAIN);
    assertThat(http.exchange("/api/certifications/imports", HttpMethod.POST,
        new HttpEntity<>("[{\"certificationNumber\":\"IoT 0000-0001\"}]", form), JsonNode.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(applications()).isEqualTo(before);

    // The application's own pages, and plain API clients (no Origin, no Sec-Fetch-*), are served.
    assertThat(submitWith("staff1", headers("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"))
        .getStatusCode().value()).isEqualTo(201);
    assertThat(submitWith("staff1", new HttpHeaders()).getStatusCode().value()).isEqualTo(201);
    assertThat(applications()).isEqualTo(before + 2);
  }

  @Test
  void browsersAreNeverAskedForBasicCredentials() {
    HttpHeaders browser = headers("Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "same-origin", "Accept", "text/html");
    ResponseEntity<String> page = http.exchange("/api/applications/A-0000-0000", HttpMethod.GET, new HttpEntity<>(browser),
        String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(401);
    assertThat(page.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(page.getBody()).contains("Tasklist");

    ResponseEntity<JsonNode> client = get(null, "/api/applications/A-0000-0000");
    assertThat(client.getStatusCode().value()).isEqualTo(401);
    assertThat(client.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void theTasklistSessionReadsDocumentsButChangesNothing() throws Exception {
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "セッション閲覧");
    String href = get("provider1", "/api/applications/" + no).getBody().get("documents").get(0).get("href").asText();
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = "http://localhost:" + port;

    // Without a session: refused (and no Basic challenge, see above).
    assertThat(browser.send(get(base + href), HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(401);

    // Logged in to Tasklist as staff1 (the webapps' own login, which keeps the user in the HTTP session;
    // the page sets the webapps' CSRF cookie, which the login echoes in a header as Tasklist does).
    browser.send(get(base + "/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.discarding());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().orElseThrow().getValue();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(
            base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=staff1&password=demo", StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    int readsBefore = jdbc.sql("SELECT COUNT(*) FROM document_read WHERE application_number = ? AND user_id = 'staff1'")
        .param(no).query(Integer.class).single();
    HttpResponse<byte[]> document = browser.send(get(base + href), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).isEqualTo(TestApplications.PDF);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM document_read WHERE application_number = ? AND user_id = 'staff1'")
        .param(no).query(Integer.class).single()).isEqualTo(readsBefore + 1);
    assertThat(browser.send(get(base + "/api/applications/" + no), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    // A request from another site does not get the session's rights, even for reading.
    HttpResponse<byte[]> embedded = browser.send(HttpRequest.newBuilder(URI.create(base + href))
        .header("Sec-Fetch-Site", "cross-site").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(embedded.statusCode()).isEqualTo(401);

    // The session never carries a state change, even from the application's own origin.
    HttpResponse<String> withdrawal = browser.send(HttpRequest.newBuilder(URI.create(
            base + "/api/applications/" + no + "/withdrawal"))
        .header("Content-Type", "application/json").header("Origin", base)
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"CSRF\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(withdrawal.statusCode()).isEqualTo(401);
    assertThat(withdrawal.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
        MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    assertThat(get("provider1", "/api/applications/" + no).getBody().get("status").asText()).isNotEqualTo("WITHDRAWN");
  }

  private static HttpRequest get(String uri) {
    return HttpRequest.newBuilder(URI.create(uri)).GET().build();
  }
}
