package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GET/PUT /api/notice-templates: staff and managers read the templates and add versions (who and
 * when recorded); a template with a placeholder the kind does not fill is refused in Japanese; the
 * provider, the reviewer and anonymous callers are refused.
 */
class NoticeTemplateApiTest extends ApiTestBase {

  private static final String PATH = "/api/notice-templates/RENEWAL_WINDOW_CLOSED";

  @Test
  void staffAndManagersReadAndChangeTemplatesInVersions() {
    ResponseEntity<JsonNode> list = get("staff1", "/api/notice-templates");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody().findValuesAsText("kind")).contains("CERTIFIED", "RENEWAL_WINDOW_CLOSED",
        "OVERSIGHT_INSPECTION_SCHEDULED");

    JsonNode before = get("manager1", PATH).getBody();
    assertThat(before.path("subject").asText()).contains("{{certificationNumber}}");
    assertThat(before.path("placeholders").toString()).contains("certificationNumber").contains("providerName");
    int version = before.path("version").asInt();

    ResponseEntity<JsonNode> put = put("manager1", Map.of("subject", "【更新申請期間の終了】{{certificationNumber}}",
        "body", before.path("body").asText(), "comment", "件名を短くする"));
    assertThat(put.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(put.getBody().path("version").asInt()).isEqualTo(version + 1);
    assertThat(put.getBody().path("createdBy").asText()).isEqualTo("manager1");
    assertThat(put.getBody().path("createdAt").asText()).isNotBlank();
    assertThat(put.getBody().path("comment").asText()).isEqualTo("件名を短くする");
    assertThat(put.getBody().path("versions").get(0).path("version").asInt()).isEqualTo(version + 1);

    // The old version is unchanged and still readable.
    JsonNode old = get("staff1", PATH + "/versions/" + version).getBody();
    assertThat(old.path("subject").asText()).isEqualTo(before.path("subject").asText());
    assertThat(get("staff1", PATH + "/versions/999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // Back to the text of before, as a further version by staff.
    ResponseEntity<JsonNode> back = put("staff1", Map.of("subject", before.path("subject").asText(),
        "body", before.path("body").asText()));
    assertThat(back.getBody().path("version").asInt()).isEqualTo(version + 2);
    assertThat(back.getBody().path("createdBy").asText()).isEqualTo("staff1");
  }

  @Test
  void anUnknownPlaceholderIsRefusedInJapanese() {
    int version = get("staff1", PATH).getBody().path("version").asInt();
    ResponseEntity<JsonNode> refused = put("staff1", Map.of("subject", "件名 {{applicantPassword}}", "body", "本文"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody().path("detail").asText()).isEqualTo("通知テンプレートを保存できません。");
    assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("subject");
    assertThat(refused.getBody().path("errors").get(0).path("message").asText())
        .contains("差し込み項目 {{applicantPassword}} はこの通知では使えません");
    assertThat(put("staff1", Map.of("subject", "件名", "body", "本文", "extra", "x")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(call("staff1", HttpMethod.PUT, "/api/notice-templates/NO_SUCH_KIND",
        Map.of("subject", "件名", "body", "本文"), MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("staff1", PATH).getBody().path("version").asInt()).isEqualTo(version);
  }

  @Test
  void providersReviewersAndAnonymousCallersAreRefused() {
    int version = get("staff1", PATH).getBody().path("version").asInt();
    Map<String, String> change = Map.of("subject", "件名 {{certificationNumber}}", "body", "本文");
    for (String user : new String[] {"provider1", "reviewer1"}) {
      assertThat(get(user, "/api/notice-templates").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(get(user, PATH).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(put(user, change).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(get(null, PATH).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(put(null, change).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("staff1", PATH).getBody().path("version").asInt()).isEqualTo(version);
  }

  private ResponseEntity<JsonNode> put(String user, Map<String, String> body) {
    return call(user, HttpMethod.PUT, PATH, body, MediaType.APPLICATION_JSON);
  }
}
