package jp.iotcert.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import static jp.iotcert.api.ApplicationApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/** Renewal applications at the edges of the window (第12条1), the certification view, the public registry JSON. */
class RenewalAndRegistryApiTest extends ApiTestBase {

  private static final String P2 = TestApplications.PROVIDER2_NUMBER;

  @Autowired CertificationService certifications;
  @Autowired CertificationRegister register;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void renewalIsAcceptedOnlyInsideTheWindow() {
    String no = certified("窓口確認サービス", LocalDate.of(2026, 12, 1)); // valid through 2028-11-30
    on(LocalDate.of(2028, 9, 30));
    ResponseEntity<JsonNode> early = submit("provider2", renewal(no, "窓口確認サービス"), null);
    assertThat(errorFields(early)).containsExactly("certificationNumber");
    assertThat(early.getBody().get("errors").get(0).get("message").asText()).contains("2028-10-01").contains("2028-10-31");
    on(LocalDate.of(2028, 11, 1));
    assertThat(errorFields(submit("provider2", renewal(no, "窓口確認サービス"), null))).containsExactly("certificationNumber");

    on(LocalDate.of(2028, 10, 1));
    ResponseEntity<JsonNode> first = submit("provider2", renewal(no, "窓口確認サービス"), null);
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    ResponseEntity<JsonNode> again = submit("provider2", renewal(no, "窓口確認サービス"), null);
    assertThat(errorFields(again)).containsExactly("certificationNumber");
    assertThat(again.getBody().get("errors").get(0).get("message").asText()).contains("審査中の更新申請");

    String other = certified("最終日サービス", LocalDate.of(2026, 12, 1));
    on(LocalDate.of(2028, 10, 31));
    assertThat(submit("provider2", renewal(other, "最終日サービス"), null).getStatusCode().value()).isEqualTo(201);
    JsonNode view = get("provider2", "/api/certifications/" + other).getBody();
    assertThat(view.get("renewalApplicationNumber").asText()).startsWith("A-");
  }

  @Test
  void renewalOnlyForTheApplicantsOwnValidCertificationWithTheMarkDeclaration() {
    String no = certified("所有確認サービス", LocalDate.of(2026, 12, 1));
    on(LocalDate.of(2028, 10, 10));
    Map<String, Object> foreign = renewal(no, "所有確認サービス");
    foreign.put("provider", Map.of("corporateNumber", TestApplications.PROVIDER1_NUMBER, "name", "他社", "address", "東京",
        "representative", "代表"));
    assertThat(errorFields(submit("provider1", foreign, null))).containsExactly("certificationNumber");

    Map<String, Object> undeclared = renewal(no, "所有確認サービス");
    undeclared.remove("markUseDeclaration");
    assertThat(errorFields(submit("provider2", undeclared, null))).contains("markUseDeclaration.compliant");

    register.end(no, CertificationStatus.EXPIRED, LocalDate.of(2028, 10, 1));
    ResponseEntity<JsonNode> expired = submit("provider2", renewal(no, "所有確認サービス"), null);
    assertThat(errorFields(expired)).containsExactly("certificationNumber");
    assertThat(expired.getBody().get("errors").get(0).get("message").asText()).contains("EXPIRED");
  }

  @Test
  void certificationViewForItsProviderAndStaff() {
    String no = certified("閲覧サービス", LocalDate.of(2026, 12, 1));
    String path = "/api/certifications/" + no; // the client encodes the space
    JsonNode view = get("provider2", path).getBody();
    assertThat(view.get("status").asText()).isEqualTo("VALID");
    assertThat(view.get("validUntil").asText()).isEqualTo("2028-11-30");
    assertThat(view.get("renewalWindow").get("opensOn").asText()).isEqualTo("2028-10-01");
    assertThat(view.get("renewalWindow").get("closesOn").asText()).isEqualTo("2028-10-31");
    assertThat(get("staff1", path).getStatusCode().value()).isEqualTo(200);
    assertThat(get("provider1", path).getStatusCode().value()).isEqualTo(404);
    assertThat(get("reviewer1", path).getStatusCode().value()).isEqualTo(403);
    assertThat(get(null, path).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void publicRegistryShowsOnlyPublishedFields() {
    String no = certified("公開サービス", LocalDate.of(2026, 12, 1));
    ResponseEntity<JsonNode> entry = get(null, "/api/public/certifications/" + no);
    assertThat(entry.getStatusCode().value()).isEqualTo(200);
    JsonNode e = entry.getBody();
    assertThat(e.get("serviceName").asText()).isEqualTo("公開サービス");
    assertThat(e.get("corporateNumber").asText()).isEqualTo(P2);
    assertThat(e.get("certifiedOn").asText()).isEqualTo("2026-12-01");
    assertThat(e.get("validUntil").asText()).isEqualTo("2028-11-30");
    assertThat(e.get("status").asText()).isEqualTo("VALID");
    assertThat(e.get("verificationUrl").asText()).endsWith("/registry/" + no.replace(" ", "%20"));
    // B-09 (売上高) was withheld on request (第11条2): not published, in no field.
    assertThat(e.get("disclosure")).noneSatisfy(i -> assertThat(i.get("itemId").asText()).isEqualTo("B-09"));
    assertThat(entry.toString()).doesNotContain("開示内容: 売上高").doesNotContain("contact@provider.example.jp")
        .doesNotContain("非上場のため");
    assertThat(e.get("disclosure")).anySatisfy(i -> assertThat(i.get("itemId").asText()).isEqualTo("B-10"));

    assertThat(get(null, "/api/public/certifications?q=公開サービス").getBody())
        .anySatisfy(x -> assertThat(x.get("certificationNumber").asText()).isEqualTo(no));
    assertThat(get(null, "/api/public/certifications?status=EXPIRED").getBody())
        .noneSatisfy(x -> assertThat(x.get("certificationNumber").asText()).isEqualTo(no));
    assertThat(errorFields(get(null, "/api/public/certifications?status=GOOD"))).containsExactly("status");
    assertThat(get(null, "/api/public/certifications/IoT 9999-9999").getStatusCode().value()).isEqualTo(404);
  }

  private String certified(String serviceName, LocalDate on) {
    on(on);
    String applicationNumber = submitted("provider2", P2, serviceName);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(applicationNumber,
        P2, "株式会社テスト", serviceName, "説明", null, on, on.minusDays(30),
        json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(),
        "[{\"itemId\":\"B-09\",\"reason\":\"非上場のため\"}]"))).certificationNumber();
  }

  private Map<String, Object> renewal(String certificationNumber, String serviceName) {
    Map<String, Object> app = json.convertValue(TestApplications.renewal(P2, serviceName, certificationNumber,
        TestApplications.fullDisclosure(catalogue)), Map.class);
    app.values().removeIf(v -> v == null);
    return app;
  }

  private static void on(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(12, 0).atZone(BusinessCalendar.ZONE).toInstant()));
  }
}
