package jp.iotcert.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.iotcert.api.ApplicationApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/certifications/imports: per-entry results, idempotence, lifecycles for valid entries, 第8条 for revoked ones. */
class ImportApiTest extends ApiTestBase {

  @Autowired JdbcClient jdbc;

  @Test
  void importsGoodEntriesReportsBadOnesAndNeverRegistersTwice() {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    LocalDate recent = today.minusMonths(3);
    LocalDate old = today.minusYears(2).minusMonths(2);
    String valid = "IoT 7001-" + yymm(recent);
    String ended = "IoT 7002-" + yymm(old);
    String revoked = "IoT 7003-" + yymm(old);
    List<Map<String, Object>> batch = new ArrayList<>();
    batch.add(entry(valid, recent, recent, null, null, "移行サービスA"));
    batch.add(entry(ended, old, old, null, null, "移行サービスB")); // VALID in the old register, but its validity has ended
    batch.add(entry(revoked, old, old, "REVOKED", today.minusMonths(2), "取消済み移行サービス"));
    batch.add(entry("IoT 12-2601", recent, recent, null, null, "番号不正"));
    Map<String, Object> badStatus = entry("IoT 7004-" + yymm(recent), recent, recent, "LAPSED", null, "終了日なし");
    batch.add(badStatus);
    Map<String, Object> noDisclosure = entry("IoT 7005-" + yymm(recent), recent, recent, null, null, "開示なし");
    noDisclosure.remove("disclosure");
    batch.add(noDisclosure);
    Map<String, Object> typo = entry("IoT 7006-" + yymm(recent), recent, recent, null, null, "留保誤記");
    typo.put("withheldItems", List.of(Map.of("itemId", "B-9", "reason", "非公開")));
    batch.add(typo);

    ResponseEntity<JsonNode> response = postJson("staff1", "/api/certifications/imports", batch);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode body = response.getBody();
    assertThat(body.get("created").asInt()).isEqualTo(4);
    assertThat(get(null, "/api/public/certifications/IoT 7005-" + yymm(recent)).getStatusCode().value()).isEqualTo(200);
    assertThat(body.get("rejected").asInt()).isEqualTo(3);
    assertThat(body.get("results").get(6).get("errors").get(0).get("field").asText()).isEqualTo("[6].withheldItems[0].itemId");
    assertThat(body.get("results").get(3).get("errors").get(0).get("field").asText()).isEqualTo("[3].certificationNumber");
    assertThat(body.get("results").get(4).get("errors").get(0).get("field").asText()).isEqualTo("[4].endedOn");

    // Valid entries run their lifecycle as if certified here; overdue timers fire at once.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(valid).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(revoked).count()).isZero();
    runJobs(ended);
    assertThat(get(null, "/api/public/certifications/" + ended).getBody().get("status").asText()).isEqualTo("EXPIRED");
    assertThat(get(null, "/api/public/certifications/" + valid).getBody().get("status").asText()).isEqualTo("VALID");
    assertThat(get(null, "/api/public/certifications/" + revoked).getBody().get("status").asText()).isEqualTo("REVOKED");

    JsonNode again = postJson("staff1", "/api/certifications/imports", List.of(batch.get(0))).getBody();
    assertThat(again.get("alreadyRegistered").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM certification WHERE certification_number = ?").param(valid)
        .query(Integer.class).single()).isEqualTo(1);

    // New numbers continue after the imported serials.
    assertThat(jdbc.sql("SELECT counter_value FROM app_counter WHERE name = 'certification'").query(Long.class).single())
        .isGreaterThanOrEqualTo(7003);
  }

  @Test
  void aRevocationImportedFromTheOldRegisterCountsForArticle8() {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    LocalDate old = today.minusYears(2);
    String revoked = "IoT 7101-" + yymm(old);
    postJson("manager1", "/api/certifications/imports",
        List.of(entry(revoked, old, old, "REVOKED", today.minusDays(100), "取消後の再申請")));
    String no = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "取消後の再申請");
    var pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
    assertThat(runtimeService.getVariable(pi.getId(), "refusalGround")).isEqualTo(true);
  }

  @Test
  void onlyStaffAndManagersImport() {
    List<Map<String, Object>> batch = List.of(entry("IoT 7201-2601", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5),
        null, null, "権限"));
    assertThat(postJson("provider1", "/api/certifications/imports", batch).getStatusCode().value()).isEqualTo(403);
    assertThat(postJson(null, "/api/certifications/imports", batch).getStatusCode().value()).isEqualTo(401);
    assertThat(errorFields(postJson("staff1", "/api/certifications/imports", "[]"))).containsExactly("body");
    assertThat(errorFields(postJson("staff1", "/api/certifications/imports", "{\"not\":\"a list\"}"))).containsExactly("body");
  }

  /** An entry of the old register as the import takes it (also CertificationNumberBoundaryApiTest). */
  static Map<String, Object> entry(String number, LocalDate certifiedOn, LocalDate firstCertifiedOn, String status,
      LocalDate endedOn, String serviceName) {
    Map<String, Object> e = new HashMap<>();
    e.put("certificationNumber", number);
    e.put("certifiedOn", certifiedOn.toString());
    e.put("firstCertifiedOn", firstCertifiedOn.toString());
    if (status != null) {
      e.put("status", status);
    }
    if (endedOn != null) {
      e.put("endedOn", endedOn.toString());
    }
    e.put("provider", Map.of("corporateNumber", TestApplications.PROVIDER1_NUMBER, "name", "株式会社テスト",
        "email", "legacy@provider.example.jp"));
    e.put("service", Map.of("name", serviceName, "description", "旧台帳のサービス"));
    e.put("disclosure", List.of(Map.of("itemId", "B-01", "value", certifiedOn.minusDays(20).toString())));
    return e;
  }

  private static String yymm(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("yyMM"));
  }
}
