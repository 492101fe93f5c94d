package jp.iotcert.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import static jp.iotcert.api.ApplicationApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergencies, investigations and the cases of a certification through the API (第14条–第17条, 第19条,
 * 第20条): who may open and answer what, and who sees which cases and notes.
 */
class OversightApiTest extends ApiTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @Test
  void anEmergencyNotificationOpensACaseTheProviderReportsTo() {
    String no = certified("緊急API");
    ResponseEntity<JsonNode> notified = postJson("provider2", "/api/certifications/" + no + "/notifications",
        Map.of("kind", "EMERGENCY", "occurredOn", today().toString(), "description", "サービス全停止"));
    assertThat(notified.getStatusCode().value()).isEqualTo(201);
    String emergencyId = notified.getBody().get("emergencyId").asText();
    String reports = "/api/certifications/" + no + "/emergencies/" + emergencyId + "/reports";
    assertThat(postJson("provider1", reports, Map.of("report", "他社")).getStatusCode().value()).isEqualTo(404);
    assertThat(postJson("reviewer1", reports, Map.of("report", "審査員")).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson(null, reports, Map.of("report", "匿名")).getStatusCode().value()).isEqualTo(401);
    assertThat(errorFields(postJson("provider2", reports, Map.of("report", " ")))).containsExactly("report");
    assertThat(errorFields(postJson("provider2", reports, Map.of("report", "x", "urgent", true)))).containsExactly("urgent");
    assertThat(obligations(no)).contains("EMERGENCY_REPORT");
    assertThat(postJson("provider2", reports, Map.of("report", "原因を特定、復旧作業中")).getStatusCode().value())
        .isEqualTo(202);
    assertThat(postJson("provider2", "/api/certifications/" + no + "/emergencies/unknown/reports",
        Map.of("report", "x")).getStatusCode().value()).isEqualTo(404);

    // Staff's finding of promptness is theirs; the provider sees its case and its reports only.
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_AssessEmergency").singleResult().getId(),
        Map.of("notifiedPromptly", false, "staffNote", "内部メモ：通知が2日遅れ"));
    JsonNode own = get("provider2", "/api/certifications/" + no + "/cases").getBody();
    JsonNode emergency = own.get("emergencies").get(0);
    assertThat(emergency.get("reports")).hasSize(1);
    assertThat(emergency.has("staffNote")).isFalse();
    assertThat(emergency.has("notifiedPromptly")).isFalse();
    assertThat(own.toString()).doesNotContain("内部メモ");
    JsonNode staffView = get("staff1", "/api/certifications/" + no + "/cases").getBody();
    assertThat(staffView.get("emergencies").get(0).get("staffNote").asText()).contains("内部メモ");
    assertThat(staffView.get("emergencies").get(0).get("notifiedPromptly").asBoolean()).isFalse();
    assertThat(get("provider1", "/api/certifications/" + no + "/cases").getStatusCode().value()).isEqualTo(404);
    assertThat(get("reviewer1", "/api/certifications/" + no + "/cases").getStatusCode().value()).isEqualTo(403);
    assertThat(get(null, "/api/certifications/" + no + "/cases").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void onlyStaffRecordEmergenciesTheyFoundThemselves() {
    String no = certified("緊急把握API");
    String path = "/api/certifications/" + no + "/emergencies";
    Map<String, Object> body = Map.of("occurredOn", today().toString(), "description", "報道で把握");
    assertThat(postJson("provider2", path, body).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("manager1", path, body).getStatusCode().value()).isEqualTo(403);
    assertThat(errorFields(postJson("staff1", path, Map.of("occurredOn", today().plusDays(1).toString()))))
        .containsExactlyInAnyOrder("occurredOn", "description");
    assertThat(postJson("staff1", path, body).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void staffOpenInvestigationsTheProviderExplainsAndADelegateSeesOnlyWhatIsDelegatedToIt() {
    String no = certified("調査API");
    String other = certified("調査API（委託外）");
    String path = "/api/certifications/" + no + "/investigations";
    Map<String, Object> request = Map.of("scope", List.of("OPERATIONS", "MARK_USE"), "reason", "内部情報：匿名の通報",
        "request", "認定マークの掲載箇所の一覧", "deadline", today().plusDays(20).toString(), "delegatedTo", "delegate1");
    assertThat(postJson("provider2", path, request).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("delegate1", path, request).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("reviewer1", path, request).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson(null, path, request).getStatusCode().value()).isEqualTo(401);
    assertThat(errorFields(postJson("staff1", path, Map.of("scope", List.of("WEATHER"), "deadline", "2020-01-01",
        "delegatedTo", "staff1")))).containsExactlyInAnyOrder("scope", "reason", "request", "deadline", "delegatedTo");
    assertThat(postJson("staff1", "/api/certifications/IOT-NONE/investigations", request).getStatusCode().value())
        .isEqualTo(404);
    ResponseEntity<JsonNode> opened = postJson("staff1", path, request);
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    String id = opened.getBody().get("id").asText();
    assertThat(postJson("manager1", "/api/certifications/" + other + "/investigations",
        Map.of("scope", List.of("OPERATIONS"), "reason", "定期", "request", "運用記録",
            "deadline", today().plusDays(20).toString())).getStatusCode().value()).isEqualTo(201);
    runJobs(no);

    assertThat(obligations(no)).contains("EXPLANATION_DUE");
    String explanations = path + "/" + id + "/explanations";
    assertThat(postJson("provider1", explanations, Map.of("explanation", "他社")).getStatusCode().value()).isEqualTo(404);
    assertThat(postJson("delegate1", explanations, Map.of("explanation", "委託先")).getStatusCode().value()).isEqualTo(403);
    assertThat(errorFields(postJson("provider2", explanations, Map.of("explanation", "")))).containsExactly("explanation");
    // With documents (multipart): every part checked, nothing kept when one is bad.
    LinkedMultiValueMap<String, Object> bad = new LinkedMultiValueMap<>();
    bad.add("explanation", jsonPart(Map.of("explanation", "掲載箇所は3か所です")));
    bad.add("documents", file("list.pdf", TestApplications.PDF));
    bad.add("documents", file("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    assertThat(errorFields(call("provider2", HttpMethod.POST, explanations, bad,
        MediaType.MULTIPART_FORM_DATA))).containsExactly("documents[1]");
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("explanation", jsonPart(Map.of("explanation", "掲載箇所は3か所です")));
    parts.add("documents", file("掲載箇所一覧.pdf", TestApplications.PDF));
    assertThat(call("provider2", HttpMethod.POST, explanations, parts,
        MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(202);
    JsonNode document = get("staff1", "/api/certifications/" + no + "/cases").getBody().get("investigations").get(0)
        .get("documents").get(0);
    assertThat(document.get("fileName").asText()).isEqualTo("掲載箇所一覧.pdf");
    String url = document.get("url").asText();
    assertThat(download("staff1", url).getStatusCode().value()).isEqualTo(200);
    assertThat(download("staff1", url).getBody()).isEqualTo(TestApplications.PDF);
    assertThat(download("provider2", url).getStatusCode().value()).isEqualTo(200);
    assertThat(download("delegate1", url).getStatusCode().value()).isEqualTo(200);
    assertThat(download("provider1", url).getStatusCode().value()).isEqualTo(404);
    assertThat(download("reviewer1", url).getStatusCode().value()).isEqualTo(403);
    assertThat(download(null, url).getStatusCode().value()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT user_id FROM investigation_document_read WHERE document_id = ? ORDER BY read_at")
        .param(document.get("id").asText()).query(String.class).list())
        .containsExactlyInAnyOrder("staff1", "staff1", "provider2", "delegate1"); // 第20条: every read logged, refused ones not
    assertThat(postJson("provider2", explanations, Map.of("explanation", "二度目")).getStatusCode().value()).isEqualTo(409);
    assertThat(obligations(no)).doesNotContain("EXPLANATION_DUE");

    // The provider sees the request and its own explanation, not staff's reasons (第20条).
    JsonNode own = get("provider2", "/api/certifications/" + no + "/cases").getBody();
    JsonNode investigation = own.get("investigations").get(0);
    assertThat(investigation.get("explanation").asText()).isEqualTo("掲載箇所は3か所です");
    assertThat(investigation.has("reason")).isFalse();
    assertThat(investigation.has("delegatedTo")).isFalse();
    assertThat(own.toString()).doesNotContain("匿名の通報");

    // 第19条: the delegate sees the investigation delegated to it, and nothing else.
    JsonNode delegated = get("delegate1", "/api/certifications/" + no + "/cases").getBody();
    assertThat(delegated.get("investigations")).hasSize(1);
    assertThat(delegated.get("investigations").get(0).get("reason").asText()).contains("匿名の通報");
    assertThat(delegated.has("emergencies")).isFalse();
    assertThat(delegated.has("revocations")).isFalse();
    assertThat(get("delegate1", "/api/certifications/" + other + "/cases").getStatusCode().value()).isEqualTo(404);
    assertThat(get("delegate1", "/api/certifications/" + no).getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_AssessExplanation")
        .singleResult().getAssignee()).isEqualTo("delegate1");
  }

  @Test
  void aSecondRevocationCaseIsRefusedWhileOneAwaitsTheDecision() {
    String no = certified("取消重複API");
    String path = "/api/certifications/" + no + "/revocations";
    Map<String, Object> body = Map.of("facts", Map.of("markMisuse", true), "summary", "認定マークの不正使用");
    assertThat(postJson("staff1", path, body).getStatusCode().value()).isEqualTo(201);
    assertThat(postJson("staff1", path, body).getStatusCode().value()).isEqualTo(409);
    JsonNode cases = get("staff1", "/api/certifications/" + no + "/cases").getBody();
    assertThat(cases.get("revocations")).hasSize(1);
    JsonNode own = get("provider2", "/api/certifications/" + no + "/cases").getBody().get("revocations");
    assertThat(own).hasSize(1);
    assertThat(own.get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(own.toString()).doesNotContain("認定マークの不正使用");
    assertThat(cases.get("revocations").get(0).get("summary").asText()).isEqualTo("認定マークの不正使用");
    assertThat(get("provider2", "/api/certifications/" + no).getBody().get("history").toString())
        .contains("REVOCATION_OPENED").doesNotContain("認定マークの不正使用");

    // Not revoked: the provider learns that, not the grounds staff found (第3号 here).
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_DecideRevocation").singleResult().getId(),
        Map.of("revocationDecision", "KEEP", "revocationReasons", "是正を確認"));
    JsonNode kept = get("provider2", "/api/certifications/" + no + "/cases").getBody().get("revocations").get(0);
    assertThat(kept.get("status").asText()).isEqualTo("DECIDED");
    assertThat(kept.get("decision").asText()).isEqualTo("KEEP");
    assertThat(kept.has("grounds")).isFalse();
    assertThat(kept.has("reasons")).isFalse();
    assertThat(get("staff1", "/api/certifications/" + no + "/cases").getBody().get("revocations").get(0)
        .get("grounds").asText()).contains("第17条第1項第3号");
  }

  private static HttpEntity<String> jsonPart(Object value) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return new HttpEntity<>(new ObjectMapper().writeValueAsString(value), headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The kinds of the provider's open obligations in GET /api/certifications/{no}. */
  private List<String> obligations(String no) {
    return get("provider2", "/api/certifications/" + no).getBody().get("obligations").findValuesAsText("kind");
  }

  private static LocalDate today() {
    return LocalDate.now(BusinessCalendar.ZONE);
  }

  private String certified(String serviceName) {
    LocalDate on = today().minusDays(10);
    String applicationNumber = submitted("provider2", P2, serviceName);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(applicationNumber,
        P2, "株式会社テスト", serviceName, "説明", null, on, on,
        json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]"))).certificationNumber();
  }
}
