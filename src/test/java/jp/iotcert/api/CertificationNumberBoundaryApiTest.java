package jp.iotcert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 10,000th certification (docs/processes.md, 認定番号): the serial gets a fifth digit and never wraps.
 * A context of its own, since the counter is moved to the boundary.
 */
// Its own engine name: closing this context must not unregister the engine "default" that the other API
// tests' /engine-rest looks up by name (this test does not use /engine-rest).
@TestPropertySource(properties = {"iotcert.test.context=certification-number-boundary",
    "camunda.bpm.generate-unique-process-engine-name=true"})
@DirtiesContext
class CertificationNumberBoundaryApiTest extends ApiTestBase {

  @Autowired JdbcClient jdbc;
  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;

  @Test
  void theSerialGoesOnFrom9999To10000ThroughTheCertifyPath() {
    jdbc.sql("UPDATE app_counter SET counter_value = 9998 WHERE name = 'certification'").update();
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    String yymm = today.format(DateTimeFormatter.ofPattern("yyMM"));

    String last4 = certified("四桁最後のサービス", today);
    String first5 = certified("五桁最初のサービス", today);

    assertThat(last4).isEqualTo("IoT 9999-" + yymm);
    assertThat(first5).isEqualTo("IoT 10000-" + yymm);
    for (String number : List.of(last4, first5)) {
      JsonNode entry = get(null, "/api/public/certifications/" + number).getBody();
      assertThat(entry.get("certificationNumber").asText()).isEqualTo(number);
      assertThat(entry.get("verificationUrl").asText()).endsWith("/registry/" + number.replace(" ", "%20"));
      ResponseEntity<String> page = http.getRestTemplate().getForEntity(
          URI.create(http.getRootUri() + "/registry/" + number.replace(" ", "%20")), String.class);
      assertThat(page.getStatusCode().value()).isEqualTo(200);
      assertThat(page.getBody()).contains(number);
    }
    // In serial order: 9999 before 10000, though "IoT 1…" sorts before "IoT 9…" as text.
    List<String> listed = get(null, "/api/public/certifications?q=桁").getBody().findValuesAsText("certificationNumber");
    assertThat(listed).containsSubsequence(last4, first5);
  }

  @Test
  void theImportTakesFiveDigitSerialsWithoutLeadingZeros() {
    LocalDate on = LocalDate.now(BusinessCalendar.ZONE).minusMonths(1);
    String yymm = on.format(DateTimeFormatter.ofPattern("yyMM"));
    String fiveDigits = "IoT 20000-" + yymm;
    JsonNode body = postJson("staff1", "/api/certifications/imports", List.of(
        ImportApiTest.entry(fiveDigits, on, on, null, null, "五桁の移行サービス"),
        ImportApiTest.entry("IoT 01000-" + yymm, on, on, null, null, "先頭ゼロの五桁"),
        ImportApiTest.entry("IoT 00999-" + yymm, on, on, null, null, "先頭ゼロの五桁その2"),
        ImportApiTest.entry("IoT 1234567890-" + yymm, on, on, null, null, "十桁"))).getBody();

    assertThat(body.get("results").get(0).get("result").asText()).isEqualTo("CREATED");
    for (int i = 1; i <= 3; i++) {
      assertThat(body.get("results").get(i).get("result").asText()).isEqualTo("REJECTED");
      assertThat(body.get("results").get(i).get("errors").get(0).get("field").asText())
          .isEqualTo("[" + i + "].certificationNumber");
    }
    assertThat(jdbc.sql("SELECT serial FROM certification WHERE certification_number = ?").param(fiveDigits)
        .query(Integer.class).single()).isEqualTo(20000);
    assertThat(get(null, "/api/public/certifications/" + fiveDigits).getStatusCode().value()).isEqualTo(200);
    // New numbers continue after the imported serial.
    assertThat(jdbc.sql("SELECT counter_value FROM app_counter WHERE name = 'certification'").query(Long.class).single())
        .isGreaterThanOrEqualTo(20000);
  }

  private String certified(String serviceName, LocalDate on) {
    String applicationNumber = submitted("provider2", TestApplications.PROVIDER2_NUMBER, serviceName);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(
        applicationNumber, TestApplications.PROVIDER2_NUMBER, "株式会社テスト", serviceName, "説明", null, on,
        on, json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]"))).certificationNumber();
  }
}
