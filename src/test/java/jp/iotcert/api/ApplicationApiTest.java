package jp.iotcert.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** POST/GET /api/applications: success, each validation error, 401, 403, and another provider's data. */
@SuppressWarnings("unchecked")
class ApplicationApiTest extends ApiTestBase {

  private static final String P1 = TestApplications.PROVIDER1_NUMBER;
  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Test
  void providerSubmitsAndSeesTheApplication() {
    ResponseEntity<JsonNode> created = submit("provider1", application(P1, "API申請"), TestApplications.PDF);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    String no = created.getBody().get("applicationNumber").asText();
    assertThat(no).matches("A-\\d{4}-\\d{6}");
    assertThat(created.getBody().get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/applications/" + no);

    JsonNode view = get("provider1", "/api/applications/" + no).getBody();
    assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(view.get("documents").get(0).get("kind").asText()).isEqualTo("registryCertificate");
    assertThat(view.get("fee").get("amount").asLong()).isEqualTo(100000);
    assertThat(view.get("openRequests")).anySatisfy(r -> assertThat(r.get("kind").asText()).isEqualTo("FEE_PAYMENT"));
    assertThat(view.get("rulesVersion").asText()).isEqualTo("2022-04-01");

    assertThat(get("provider1", "/api/applications").getBody())
        .anySatisfy(a -> assertThat(a.get("applicationNumber").asText()).isEqualTo(no));
    assertThat(get("provider2", "/api/applications").getBody())
        .noneSatisfy(a -> assertThat(a.get("applicationNumber").asText()).isEqualTo(no));
  }

  @Test
  void anotherProvidersApplicationIsNotFound() {
    String no = submitted("provider1", P1, "他社閲覧");
    ResponseEntity<JsonNode> response = get("provider2", "/api/applications/" + no);
    assertThat(response.getStatusCode().value()).isEqualTo(404);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(get("staff1", "/api/applications/" + no).getStatusCode().value()).isEqualTo(200);
    assertThat(get("manager1", "/api/applications/" + no).getStatusCode().value()).isEqualTo(200);
    assertThat(get("staff1", "/api/applications/A-1999-000000").getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void unauthenticatedCallersAreRefused() {
    ResponseEntity<JsonNode> response = submit(null, application(P1, "匿名"), TestApplications.PDF);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getBody().get("title").asText()).isEqualTo("認証が必要です");
    assertThat(get(null, "/api/applications/A-2026-000001").getStatusCode().value()).isEqualTo(401);
    assertThat(get(null, "/api/applications").getStatusCode().value()).isEqualTo(401);
    assertThat(call("provider1", HttpMethod.GET, "/api/applications", null, null).getStatusCode().value()).isEqualTo(200);
    // A wrong password also locks the account for a few seconds (the engine's login throttling), so a
    // throwaway account is used.
    ResponseEntity<JsonNode> wrongPassword = http.withBasicAuth("delegate1", "wrong")
        .getForEntity("/api/applications", JsonNode.class);
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void groupsWithoutTheRightAreForbidden() {
    assertThat(submit("reviewer1", application(P1, "審査員申請"), TestApplications.PDF).getStatusCode().value())
        .isEqualTo(403);
    assertThat(submit("committee1", application(P1, "委員申請"), TestApplications.PDF).getStatusCode().value())
        .isEqualTo(403);
    assertThat(get("reviewer1", "/api/applications").getStatusCode().value()).isEqualTo(403);
    assertThat(get("provider1", "/api/unknown").getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void staffEnterPostalApplicationsForAnyProvider() {
    Map<String, Object> app = application(P2, "郵送申請");
    app.put("channel", "POST");
    ResponseEntity<JsonNode> created = submit("staff1", app, TestApplications.PDF);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode view = get("provider2", "/api/applications/" + created.getBody().get("applicationNumber").asText()).getBody();
    assertThat(view.get("channel").asText()).isEqualTo("POST");
  }

  @Test
  void providersApplyOnlyOnlineAndOnlyForThemselves() {
    Map<String, Object> other = application(P2, "他社名義");
    assertThat(errorFields(submit("provider1", other, TestApplications.PDF))).containsExactly("provider.corporateNumber");
    Map<String, Object> postal = application(P1, "郵送を装う");
    postal.put("channel", "POST");
    assertThat(errorFields(submit("provider1", postal, TestApplications.PDF))).containsExactly("channel");
  }

  @Test
  void reportsEveryInvalidFieldAtOnce() {
    Map<String, Object> app = application(P1, "不備だらけ");
    app.put("type", "OTHER");
    app.put("provider", Map.of("corporateNumber", "8000012050002", "name", "", "address", "東京", "representative", "代表"));
    app.put("contact", Map.of("name", "担当", "email", "not-an-email", "phone", "abc"));
    app.put("disclosure", List.of(Map.of("itemId", "X-99", "value", "値"), Map.of("itemId", "B-02", "value", " ")));
    ResponseEntity<JsonNode> response = submit("provider1", app, TestApplications.PDF);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(errorFields(response)).contains("type", "provider.corporateNumber", "provider.name", "contact.email",
        "contact.phone", "disclosure[0].itemId", "disclosure[1].value");
    assertThat(response.getBody().get("errors").get(0).get("message").asText()).isNotBlank();
  }

  @Test
  void corporateNumberCheckDigitIsChecked() {
    Map<String, Object> app = application(P1, "チェックデジット");
    app.put("provider", Map.of("corporateNumber", "6000012050002", "name", "社", "address", "東京", "representative", "代表"));
    ResponseEntity<JsonNode> response = submit("staff1", app, TestApplications.PDF);
    assertThat(errorFields(response)).containsExactly("provider.corporateNumber");
    assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains("チェックデジット");
  }

  @Test
  void registryCertificateIsRequiredAndMustBePdf() {
    assertThat(errorFields(submit("provider1", application(P1, "証明書なし"), null))).containsExactly("registryCertificate");
    assertThat(errorFields(submit("provider1", application(P1, "PDFでない"), "<html>not a pdf</html>".getBytes())))
        .containsExactly("registryCertificate");
  }

  @Test
  void malformedJsonAndUnknownFieldsAreReported() {
    assertThat(errorFields(submit("provider1", "{not json", TestApplications.PDF))).containsExactly("application");
    Map<String, Object> app = application(P1, "未知の項目");
    app.put("colour", "blue");
    ResponseEntity<JsonNode> response = submit("provider1", app, TestApplications.PDF);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("detail").asText()).contains("colour");
    MultiValueMap<String, Object> noApplication = new LinkedMultiValueMap<>();
    noApplication.add("registryCertificate", file("touki.pdf", TestApplications.PDF));
    assertThat(errorFields(call("provider1", HttpMethod.POST, "/api/applications", noApplication,
        MediaType.MULTIPART_FORM_DATA))).containsExactly("application");
  }

  @Test
  void withheldItemsNeedAReasonAndADisclosedItem() {
    Map<String, Object> app = application(P1, "公表留保");
    app.put("withheldItems", List.of(Map.of("itemId", "B-09", "reason", ""), Map.of("itemId", "X-1", "reason", "理由")));
    assertThat(errorFields(submit("provider1", app, TestApplications.PDF)))
        .containsExactlyInAnyOrder("withheldItems[0].reason", "withheldItems[1].itemId");
  }

  @Test
  void nothingIsStoredWhenValidationFails() {
    int before = get("staff1", "/api/applications").getBody().size();
    Map<String, Object> app = application(P1, "保存されない");
    app.put("contact", Map.of("name", "担当", "email", "bad", "phone", "03-1234-5678"));
    assertThat(submit("provider1", app, TestApplications.PDF).getStatusCode().value()).isEqualTo(400);
    assertThat(get("staff1", "/api/applications").getBody().size()).isEqualTo(before);
  }

  @Test
  void serviceUrlAndDisclosureDateAreChecked() {
    Map<String, Object> app = application(P1, "URL長すぎ");
    app.put("service", Map.of("name", "URL長すぎ", "description", "説明", "url", "https://example.jp/" + "a".repeat(500)));
    List<Map<String, Object>> disclosure = new ArrayList<>((List<Map<String, Object>>) app.get("disclosure"));
    disclosure.set(0, Map.of("itemId", "B-01", "value", "令和8年11月1日"));
    app.put("disclosure", disclosure);
    assertThat(errorFields(submit("provider1", app, TestApplications.PDF))).containsExactlyInAnyOrder("service.url",
        "disclosure[0].value");
  }

  @Test
  void jsonNullIsRefused() {
    assertThat(errorFields(submit("provider1", "null", TestApplications.PDF))).containsExactly("application");
  }

  @Test
  void postalApplicationsTakeTheDayThePostArrived() {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    Map<String, Object> app = application(P2, "郵送受付日");
    app.put("channel", "POST");
    app.put("receivedOn", today.minusDays(3).toString());
    ResponseEntity<JsonNode> created = submit("staff1", app, TestApplications.PDF);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    JsonNode view = get("staff1", "/api/applications/" + created.getBody().get("applicationNumber").asText()).getBody();
    assertThat(view.get("applicationDate").asText()).isEqualTo(today.minusDays(3).toString());
    assertThat(view.get("fee").get("dueOn").asText()).isEqualTo(today.minusDays(3).plusDays(30).toString());

    app.put("receivedOn", today.plusDays(1).toString());
    assertThat(errorFields(submit("staff1", app, TestApplications.PDF))).containsExactly("receivedOn");
    Map<String, Object> online = application(P1, "オンライン受付日");
    online.put("receivedOn", today.toString());
    assertThat(errorFields(submit("provider1", online, TestApplications.PDF))).containsExactly("receivedOn");
  }

  @Test
  void oversizedUploadsAreRefusedAsProblems() {
    byte[] big = new byte[3 * 1024 * 1024];
    System.arraycopy(TestApplications.PDF, 0, big, 0, TestApplications.PDF.length);
    ResponseEntity<JsonNode> response = submit("provider1", application(P1, "大きすぎる"), big);
    assertThat(response.getStatusCode().value()).isEqualTo(413);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  static List<String> errorFields(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    response.getBody().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
