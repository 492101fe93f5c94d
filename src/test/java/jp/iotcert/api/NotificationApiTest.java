package jp.iotcert.api;

import static jp.iotcert.api.ApplicationApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** POST /api/certifications/{no}/notifications and /lapses: who may send what, and the checks at the door. */
class NotificationApiTest extends ApiTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;

  @Test
  void theProviderNotifiesItsOwnCertificationOnly() {
    String no = certified("届出API");
    String path = "/api/certifications/" + no + "/notifications";
    String today = LocalDate.now(BusinessCalendar.ZONE).toString();
    Map<String, Object> change = Map.of("kind", "CRITERIA_CHANGE", "occurredOn", today, "description", "稼働率の更新",
        "changes", List.of(Map.of("itemId", "B-21", "value", "99.99%")));
    ResponseEntity<JsonNode> created = postJson("provider2", path, change);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getBody().get("id").asText()).isNotBlank();
    assertThat(postJson("provider1", path, change).getStatusCode().value()).isEqualTo(404);
    assertThat(postJson(null, path, change).getStatusCode().value()).isEqualTo(401);
    assertThat(postJson("reviewer1", path, change).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("staff1", path, change).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void notificationsAreValidated() {
    String no = certified("届出検証API");
    String path = "/api/certifications/" + no + "/notifications";
    assertThat(errorFields(postJson("provider2", path, Map.of("kind", "WEATHER", "occurredOn", "2026-01-01",
        "description", "x")))).contains("kind");
    assertThat(errorFields(postJson("provider2", path, Map.of("kind", "SPLIT", "occurredOn",
        LocalDate.now(BusinessCalendar.ZONE).toString(), "description", "分割")))).containsExactly("passesCertifiedBusiness");
    assertThat(errorFields(postJson("provider2", path, Map.of("kind", "CRITERIA_CHANGE", "occurredOn",
        LocalDate.now(BusinessCalendar.ZONE).toString(), "description", "変更",
        "changes", List.of(Map.of("itemId", "Z-9", "value", "v")))))).containsExactly("changes[0].itemId");
    assertThat(errorFields(postJson("provider2", path, Map.of("kind", "MERGER", "occurredOn",
        LocalDate.now(BusinessCalendar.ZONE).plusDays(3).toString(), "description", "合併予定")))).containsExactly("occurredOn");
    assertThat(errorFields(postJson("provider2", path, Map.of("kind", "MERGER", "occurredOn",
        LocalDate.now(BusinessCalendar.ZONE).toString(), "description", "合併", "basis", "自己申告")))).containsExactly("basis");
    assertThat(errorFields(postJson("provider2", path, "{\"kind\":\"MERGER\",\"colour\":\"red\"}"))).containsExactly("colour");
  }

  @Test
  void onlyStaffRecordALapseTheyFound() {
    String no = certified("失効記録API");
    String path = "/api/certifications/" + no + "/lapses";
    Map<String, Object> lapse = Map.of("kind", "BUSINESS_TRANSFER", "occurredOn",
        LocalDate.now(BusinessCalendar.ZONE).toString(), "description", "事業譲渡の公告を確認", "basis", "官報 第1号");
    assertThat(postJson("provider2", path, lapse).getStatusCode().value()).isEqualTo(403);
    assertThat(errorFields(postJson("staff1", path, Map.of("kind", "BUSINESS_TRANSFER", "occurredOn",
        LocalDate.now(BusinessCalendar.ZONE).toString(), "description", "根拠なし")))).containsExactly("basis");
    assertThat(postJson("staff1", path, lapse).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void onlyStaffAndManagersOpenRevocationProceedings() {
    String no = certified("取消手続API");
    String path = "/api/certifications/" + no + "/revocations";
    Map<String, Object> request = Map.of("facts", Map.of("markMisuse", true), "summary", "認定外サービスへのマーク使用");
    assertThat(postJson("provider2", path, request).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson("reviewer1", path, request).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson(null, path, request).getStatusCode().value()).isEqualTo(401);
    assertThat(errorFields(postJson("staff1", path, Map.of("summary", "事実なし")))).containsExactly("facts");
    assertThat(errorFields(postJson("staff1", path, Map.of("facts", Map.of("markMissuse", true), "summary", "綴り誤り"))))
        .containsExactly("facts.markMissuse");
    ResponseEntity<JsonNode> opened = postJson("staff1", path, request);
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    assertThat(opened.getBody().get("caseId").asText()).isNotBlank();
    assertThat(postJson("manager1", "/api/certifications/IoT 9998-0101/revocations", request).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void staffRequestImprovementsAndOnlyTheProviderOrStaffReport() {
    String no = certified("改善要請API");
    String path = "/api/certifications/" + no + "/improvement-requests";
    Map<String, Object> request = Map.of("content", "脆弱性診断を実施すること", "publish", true,
        "deadline", LocalDate.now(BusinessCalendar.ZONE).plusDays(30).toString());
    assertThat(postJson("provider2", path, request).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson(null, path, request).getStatusCode().value()).isEqualTo(401);
    assertThat(errorFields(postJson("staff1", path, Map.of("content", "x", "deadline", "2020-01-01"))))
        .containsExactlyInAnyOrder("deadline", "publish");
    ResponseEntity<JsonNode> opened = postJson("staff1", path, request);
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    String id = opened.getBody().get("id").asText();
    runJobs(no);
    assertThat(get(null, "/api/public/certifications/" + no).getBody().get("improvementRequests"))
        .anySatisfy(r -> assertThat(r.get("content").asText()).isEqualTo("脆弱性診断を実施すること"));

    String reports = path + "/" + id + "/reports";
    assertThat(postJson("provider1", reports, Map.of("report", "他社")).getStatusCode().value()).isEqualTo(404);
    assertThat(postJson("reviewer1", reports, Map.of("report", "審査員")).getStatusCode().value()).isEqualTo(403);
    assertThat(errorFields(postJson("provider2", reports, Map.of("report", "")))).containsExactly("report");
    assertThat(postJson("provider2", reports, Map.of("report", "診断を実施し、指摘を修正しました")).getStatusCode().value())
        .isEqualTo(202);
  }

  private String certified(String serviceName) {
    LocalDate on = LocalDate.now(BusinessCalendar.ZONE).minusDays(10);
    String applicationNumber = submitted("provider2", P2, serviceName);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(applicationNumber,
        P2, "株式会社テスト", serviceName, "説明", null, on, on,
        json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]"))).certificationNumber();
  }
}
