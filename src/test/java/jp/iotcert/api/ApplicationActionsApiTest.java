package jp.iotcert.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static jp.iotcert.api.ApplicationApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/** Supplements, withdrawal, payments, the catalogue and committee declarations over HTTP. */
class ApplicationActionsApiTest extends ApiTestBase {

  private static final String P1 = TestApplications.PROVIDER1_NUMBER;

  @Autowired TaskService taskService;

  @Test
  void paymentIsRecordedByStaffOrThePaymentSystem() {
    String no = submitted("provider1", P1, "納付API");
    String today = LocalDate.now(BusinessCalendar.ZONE).toString();
    ResponseEntity<JsonNode> part = postWithToken(DEMO_PAYMENT_TOKEN, "/api/applications/" + no + "/payments",
        Map.of("amount", 30000, "paidOn", today, "reference", "PAY-1"));
    assertThat(part.getStatusCode().value()).isEqualTo(201);
    assertThat(part.getBody().get("paidInFull").asBoolean()).isFalse();
    ResponseEntity<JsonNode> rest = postJson("staff1", "/api/applications/" + no + "/payments",
        Map.of("amount", 70000, "paidOn", today, "reference", "PAY-2"));
    assertThat(rest.getBody().get("paidInFull").asBoolean()).isTrue();
    JsonNode view = get("provider1", "/api/applications/" + no).getBody();
    assertThat(view.get("openRequests")).noneSatisfy(r -> assertThat(r.get("kind").asText()).isEqualTo("FEE_PAYMENT"));

    ResponseEntity<JsonNode> duplicate = postJson("staff1", "/api/applications/" + no + "/payments",
        Map.of("amount", 70000, "paidOn", today, "reference", "PAY-2"));
    assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
    assertThat(duplicate.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    ResponseEntity<JsonNode> overpaid = postJson("staff1", "/api/applications/" + no + "/payments",
        Map.of("amount", 1000, "paidOn", today, "reference", "PAY-3"));
    assertThat(overpaid.getStatusCode().value()).isEqualTo(409);
    assertThat(overpaid.getBody().get("detail").asText()).contains("全額納付");
  }

  @Test
  void thePaymentTokenRecordsPaymentsOnlyAndAWrongOneIsRefused() {
    String no = submitted("provider1", P1, "納付トークン");
    String today = LocalDate.now(BusinessCalendar.ZONE).toString();
    ResponseEntity<JsonNode> wrong = postWithToken(DEMO_PAYMENT_TOKEN + "x", "/api/applications/" + no + "/payments",
        Map.of("amount", 100000, "paidOn", today, "reference", "WRONG"));
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    assertThat(wrong.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(wrong.getBody().get("detail").asText()).contains("トークン");
    // The token is no login: it opens nothing but payments.
    assertThat(postWithToken(DEMO_PAYMENT_TOKEN, "/api/applications/" + no + "/withdrawal", Map.of())
        .getStatusCode().value()).isEqualTo(401);
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(DEMO_PAYMENT_TOKEN);
    assertThat(http.exchange("/api/applications/" + no, HttpMethod.GET, new HttpEntity<>(bearer), JsonNode.class)
        .getStatusCode().value()).isEqualTo(401);
    // Nothing was recorded by the refused calls; the right token pays.
    assertThat(get("provider1", "/api/applications/" + no).getBody().get("status").asText()).isNotEqualTo("WITHDRAWN");
    ResponseEntity<JsonNode> paid = postWithToken(DEMO_PAYMENT_TOKEN, "/api/applications/" + no + "/payments",
        Map.of("amount", 100000, "paidOn", today, "reference", "TOKEN-1"));
    assertThat(paid.getStatusCode().value()).isEqualTo(201);
    assertThat(paid.getBody().get("paidInFull").asBoolean()).isTrue();
    // The former password account of the payment system is gone.
    assertThat(postJson("payment", "/api/applications/" + no + "/payments",
        Map.of("amount", 1, "paidOn", today, "reference", "OLD")).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theAdministratorAdministersAndIsNoDomainActorOnTheApi() {
    // Admin, Cockpit and /engine-rest: everything.
    assertThat(get("demo", "/engine-rest/user/staff1/profile").getStatusCode().value()).isEqualTo(200);
    assertThat(get("demo", "/engine-rest/deployment").getStatusCode().value()).isEqualTo(200);
    // /api: only what any account may read; no applications, payments or certifications.
    assertThat(get("demo", "/api/disclosure-items").getStatusCode().value()).isEqualTo(200);
    ResponseEntity<JsonNode> refused = get("demo", "/api/applications");
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(submit("demo", application(P1, "管理者申請"), TestApplications.PDF).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void paymentIsValidatedAndGuarded() {
    String no = submitted("provider1", P1, "納付検証");
    assertThat(errorFields(postJson("staff1", "/api/applications/" + no + "/payments",
        Map.of("amount", -5, "paidOn", "2999-01-01", "reference", ""))))
        .containsExactlyInAnyOrder("amount", "paidOn", "reference");
    assertThat(postJson("provider1", "/api/applications/" + no + "/payments",
        Map.of("amount", 100000, "paidOn", "2026-01-01", "reference", "SELF")).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson(null, "/api/applications/" + no + "/payments",
        Map.of("amount", 100000, "paidOn", "2026-01-01", "reference", "ANON")).getStatusCode().value()).isEqualTo(401);
    assertThat(postJson("staff1", "/api/applications/A-1999-000001/payments",
        Map.of("amount", 100000, "paidOn", "2026-01-01", "reference", "NONE")).getStatusCode().value()).isEqualTo(404);
    assertThat(errorFields(postJson("staff1", "/api/applications/" + no + "/payments", "{\"amount\": \"lots\"}")))
        .containsExactly("amount");
    assertThat(errorFields(postJson("staff1", "/api/applications/" + no + "/payments", "null"))).containsExactly("body");
    assertThat(errorFields(postJson("staff1", "/api/applications/" + no + "/payments",
        "{\"amount\": 1.5, \"paidOn\": \"2026-01-01\", \"reference\": \"R\"}"))).containsExactly("amount");
    assertThat(errorFields(postJson("staff1", "/api/applications/" + no + "/payments",
        "{\"amount\": 100, \"paidOn\": \"2026-01-01\", \"reference\": \"R\", \"refund\": true}")))
        .containsExactly("refund");
  }

  @Test
  void supplementNeedsAnOpenRequest() {
    String no = submitted("provider1", P1, "補正API");
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("other", file("追加資料.pdf", TestApplications.PDF));
    ResponseEntity<JsonNode> early = call("provider1", HttpMethod.POST, "/api/applications/" + no + "/supplements",
        parts, MediaType.MULTIPART_FORM_DATA);
    assertThat(early.getStatusCode().value()).isEqualTo(409);

    // Staff find the documents incomplete: a supplement request opens.
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
    taskService.complete(taskId, Map.of("documentsComplete", false, "supplementRequest", "定款の写しを追加してください"));
    runJobs(no);
    JsonNode view = get("provider1", "/api/applications/" + no).getBody();
    assertThat(view.get("status").asText()).isEqualTo("SUPPLEMENT_REQUESTED");
    assertThat(view.get("openRequests")).anySatisfy(r -> {
      assertThat(r.get("kind").asText()).isEqualTo("SUPPLEMENT");
      assertThat(r.get("message").asText()).contains("定款");
    });
    assertThat(view.get("notices")).anySatisfy(n -> assertThat(n.get("kind").asText()).isEqualTo("SUPPLEMENT_REQUESTED"));
    // One date convention in answers and notices: Japan time with its offset (JapanTimeJson), never UTC "Z".
    String japanTime = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+09:00";
    assertThat(view.get("submittedAt").asText()).matches(japanTime);
    assertThat(view.get("notices")).isNotEmpty()
        .allSatisfy(n -> assertThat(n.get("sentAt").asText()).matches(japanTime));
    assertThat(view.get("documents")).allSatisfy(d -> assertThat(d.get("uploadedAt").asText()).matches(japanTime));

    assertThat(call("provider2", HttpMethod.POST, "/api/applications/" + no + "/supplements", parts,
        MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(404);
    assertThat(call(null, HttpMethod.POST, "/api/applications/" + no + "/supplements", parts,
        MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(401);
    MultiValueMap<String, Object> notPdf = new LinkedMultiValueMap<>();
    notPdf.add("other", file("x.pdf", "hello".getBytes()));
    assertThat(errorFields(call("provider1", HttpMethod.POST, "/api/applications/" + no + "/supplements", notPdf,
        MediaType.MULTIPART_FORM_DATA))).containsExactly("other[0]");
    MultiValueMap<String, Object> badItem = new LinkedMultiValueMap<>();
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    badItem.add("supplement", new HttpEntity<>("{\"disclosure\":[{\"itemId\":\"Z-1\",\"value\":\"v\"}]}", jsonPart));
    assertThat(errorFields(call("provider1", HttpMethod.POST, "/api/applications/" + no + "/supplements", badItem,
        MediaType.MULTIPART_FORM_DATA))).containsExactly("disclosure[0].itemId");

    // Withheld items alone may change: they refer to items disclosed in the stored application.
    MultiValueMap<String, Object> withheldOnly = new LinkedMultiValueMap<>();
    withheldOnly.add("supplement", new HttpEntity<>(
        "{\"withheldItems\":[{\"itemId\":\"B-10\",\"reason\":\"非上場のため\"}]}", jsonPart));
    withheldOnly.add("other", file("追加資料.pdf", TestApplications.PDF));
    ResponseEntity<JsonNode> answered = call("provider1", HttpMethod.POST, "/api/applications/" + no + "/supplements",
        withheldOnly, MediaType.MULTIPART_FORM_DATA);
    assertThat(answered.getStatusCode().value()).isEqualTo(202);
    assertThat(answered.getBody().get("status").asText()).isEqualTo("SUBMITTED");
    JsonNode after = get("provider1", "/api/applications/" + no).getBody();
    assertThat(after.get("documents")).hasSize(2);
    assertThat(after.get("withheldItems")).singleElement().satisfies(w -> assertThat(w.get("itemId").asText()).isEqualTo("B-10"));
  }

  @Test
  void withdrawalByTheApplicantOnly() {
    String no = submitted("provider1", P1, "取下げAPI");
    assertThat(postJson("provider2", "/api/applications/" + no + "/withdrawal", Map.of()).getStatusCode().value())
        .isEqualTo(404);
    assertThat(postJson(null, "/api/applications/" + no + "/withdrawal", Map.of()).getStatusCode().value())
        .isEqualTo(401);
    assertThat(postJson("reviewer1", "/api/applications/" + no + "/withdrawal", Map.of()).getStatusCode().value())
        .isEqualTo(403);
    ResponseEntity<JsonNode> withdrawn = postJson("provider1", "/api/applications/" + no + "/withdrawal",
        Map.of("reason", "計画変更"));
    assertThat(withdrawn.getStatusCode().value()).isEqualTo(202);
    assertThat(withdrawn.getBody().get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(postJson("provider1", "/api/applications/" + no + "/withdrawal", Map.of()).getStatusCode().value())
        .isEqualTo(409);
  }

  @Test
  void disclosureCatalogueForAnyAccount() {
    ResponseEntity<JsonNode> items = get("provider1", "/api/disclosure-items");
    assertThat(items.getStatusCode().value()).isEqualTo(200);
    assertThat(items.getBody().get(0).get("itemId").asText()).isEqualTo("B-01");
    assertThat(items.getBody().get(0).get("name").asText()).isEqualTo("開示情報の時点");
    assertThat(items.getBody()).anySatisfy(i -> assertThat(i.get("mandatory").asBoolean()).isFalse());
    assertThat(items.getBody()).extracting(i -> i.get("name").asText())
        .contains("事業者名・法人番号", "設立年月日", "本店所在地・事業者HP", "事業の概要", "代表者氏名・経歴", "役員数",
            "正社員数", "売上高", "経常利益", "資本金");
    assertThat(get(null, "/api/disclosure-items").getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void committeeMembersDeclareTheirOwnInterests() {
    ResponseEntity<JsonNode> declared = postJson("committee2", "/api/committee/interests",
        Map.of("corporateNumber", "9120001077496"));
    assertThat(declared.getStatusCode().value()).isEqualTo(200);
    assertThat(declared.getBody().get("corporateNumbers")).extracting(JsonNode::asText).contains("9120001077496");
    assertThat(errorFields(postJson("committee2", "/api/committee/interests", Map.of("corporateNumber", "123"))))
        .containsExactly("corporateNumber");
    assertThat(get("provider1", "/api/committee/interests").getStatusCode().value()).isEqualTo(403);
    assertThat(get(null, "/api/committee/interests").getStatusCode().value()).isEqualTo(401);
    assertThat(call("committee2", HttpMethod.DELETE, "/api/committee/interests?corporateNumber=9120001077496", null, null)
        .getBody().get("corporateNumbers")).isEmpty();
  }

  @Test
  void engineRestNeedsAuthentication() {
    assertThat(get(null, "/engine-rest/task").getStatusCode().value()).isEqualTo(401);
    assertThat(get("staff1", "/engine-rest/task").getStatusCode().value()).isEqualTo(200);
    assertThat(http.withBasicAuth("delegate1", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void providersCannotUseEngineRestToSeeOtherWork() {
    submitted("provider1", P1, "タスク閲覧");
    ResponseEntity<JsonNode> tasks = get("provider1", "/engine-rest/task");
    assertThat(tasks.getStatusCode().value()).isEqualTo(200);
    assertThat(tasks.getBody()).isEmpty();
    long before = runtimeService.createProcessInstanceQuery().count();
    ResponseEntity<JsonNode> start = postJson("provider1", "/engine-rest/process-definition/key/certification-application/start",
        Map.of());
    // Without READ on the definition the engine does not even admit it exists.
    assertThat(start.getStatusCode().value()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    MultiValueMap<String, Object> deployment = new LinkedMultiValueMap<>();
    deployment.add("deployment-name", "rogue");
    deployment.add("data", file("rogue.bpmn", ("<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "targetNamespace=\"x\"><process id=\"rogue\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>")
        .getBytes()));
    assertThat(call("provider1", HttpMethod.POST, "/engine-rest/deployment/create", deployment,
        MediaType.MULTIPART_FORM_DATA).getStatusCode().value()).isEqualTo(403);
  }

}
