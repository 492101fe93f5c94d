package jp.iotcert.api;

import static jp.iotcert.api.ApplicationApiTest.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/manager/due (issue 10): real process instances (two imported certifications whose
 * lifecycle timers wait, an application waiting for its fee) are listed with Japanese kinds, sorted
 * by due date, within the window; the window is validated; only managers and staff may read it.
 */
class DueApiTest extends ApiTestBase {

  @Test
  void listsTimersAndTaskDueDatesOfRealInstancesSortedWithinTheWindow() {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    // Validity ends at the end of today+19; the renewal window of the other closes at the end of today+19.
    LocalDate endingCertified = today.minusYears(2).plusDays(20);
    LocalDate closingCertified = today.minusYears(2).plusDays(50);
    String ending = "IoT 7701-" + yymm(endingCertified);
    String closing = "IoT 7702-" + yymm(closingCertified);
    ResponseEntity<JsonNode> imported = postJson("staff1", "/api/certifications/imports",
        List.of(entry(ending, endingCertified, "満了間近のサービス"), entry(closing, closingCertified, "更新受付中のサービス")));
    assertThat(imported.getBody().get("created").asInt()).as("%s", imported.getBody()).isEqualTo(2);
    runJobs(ending); // the timers already past fire, the next one waits
    runJobs(closing);
    String application = submitted("provider1", TestApplications.PROVIDER1_NUMBER, "期限一覧の申請");
    runJobs(application);

    ResponseEntity<JsonNode> response = get("manager1", "/api/manager/due?days=28");
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode body = response.getBody();
    assertThat(body.get("days").asInt()).isEqualTo(28);
    List<JsonNode> items = StreamSupport.stream(body.get("items").spliterator(), false).toList();
    assertSortedWithin(items, Instant.from(OffsetDateTime.parse(body.get("until").asText())));

    assertThat(kinds(items, ending)).containsExactly("有効期間満了");
    JsonNode expiry = of(items, ending).get(0);
    assertThat(expiry.get("dueAt").asText()).isEqualTo(today.plusDays(20) + "T00:00:00+09:00");
    assertThat(expiry.get("processName").asText()).isEqualTo("認定サービスのライフサイクル");
    assertThat(expiry.get("activityName").asText()).isEqualTo("有効期間満了");
    assertThat(expiry.get("overdue").asBoolean()).isFalse();
    assertThat(expiry.has("taskName")).as("a timer has no task").isFalse();
    // The provider from the register; the instance that holds the timer, for Cockpit's link.
    assertThat(expiry.get("providerName").asText()).isEqualTo("株式会社テスト");
    assertThat(expiry.get("processInstanceId").asText()).isNotBlank();
    assertThat(kinds(items, closing)).containsExactly("更新受付終了");
    // The fee reminder (in 14 days) is due within 28 days; the fee deadline (30 days) is not yet.
    assertThat(kinds(items, application)).contains("手数料の督促").doesNotContain("手数料の納付期限");
    String applicant = get("provider1", "/api/applications/" + application).getBody().get("provider").get("name").asText();
    assertThat(of(items, application)).allSatisfy(i -> {
      assertThat(i.get("processName").asText()).isEqualTo("認定申請審査");
      assertThat(i.get("providerName").asText()).isEqualTo(applicant);
    });

    // A wider window adds the fee deadline and the completeness check due on the same day.
    List<JsonNode> wider = StreamSupport.stream(get("staff1", "/api/manager/due?days=31").getBody().get("items")
        .spliterator(), false).toList();
    assertThat(kinds(wider, application)).contains("手数料の督促", "手数料の納付期限", "タスク期限");
    JsonNode task = of(wider, application).stream().filter(i -> i.get("kind").asText().equals("タスク期限"))
        .findFirst().orElseThrow();
    assertThat(task.get("taskName").asText()).isEqualTo("申請書類を確認する");
    assertThat(task.get("taskId").asText()).isNotBlank();
    assertThat(task.get("dueAt").asText()).isEqualTo(today.plusDays(31) + "T00:00:00+09:00");

    // A narrow window leaves them all out.
    List<JsonNode> narrow = StreamSupport.stream(get("manager1", "/api/manager/due?days=7").getBody().get("items")
        .spliterator(), false).toList();
    assertThat(of(narrow, ending)).isEmpty();
    assertThat(of(narrow, application)).isEmpty();

    // Without days: the next four weeks.
    assertThat(get("manager1", "/api/manager/due").getBody().get("days").asInt()).isEqualTo(28);
  }

  @Test
  void theWindowIsValidatedInJapanese() {
    for (String days : List.of("0", "367", "abc", "-1", "1.5", "99999999999")) {
      ResponseEntity<JsonNode> refused = get("manager1", "/api/manager/due?days=" + days);
      assertThat(refused.getStatusCode().value()).as("days=%s", days).isEqualTo(400);
      assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(errorFields(refused)).containsExactly("days");
      assertThat(refused.getBody().get("detail").asText()).isEqualTo("日数は 1 から 366 までの整数で指定してください");
    }
    assertThat(get("manager1", "/api/manager/due?days=1").getStatusCode().value()).isEqualTo(200);
    assertThat(get("manager1", "/api/manager/due?days=366").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void onlyManagersAndStaffReadIt() {
    assertThat(get("provider1", "/api/manager/due?days=28").getStatusCode().value()).isEqualTo(403);
    assertThat(get("reviewer1", "/api/manager/due?days=28").getStatusCode().value()).isEqualTo(403);
    assertThat(get("demo", "/api/manager/due?days=28").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> anonymous = get(null, "/api/manager/due?days=28");
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(get("staff1", "/api/manager/due?days=28").getStatusCode().value()).isEqualTo(200);
  }

  private static void assertSortedWithin(List<JsonNode> items, Instant until) {
    List<Instant> due = new ArrayList<>();
    for (JsonNode item : items) {
      String text = item.get("dueAt").asText();
      assertThat(text).endsWith("+09:00");
      due.add(Instant.from(OffsetDateTime.parse(text)));
      assertThat(item.get("kind").asText()).doesNotContain("Timer_").isNotBlank();
    }
    assertThat(due).isSorted().allSatisfy(d -> assertThat(d).isBefore(until));
    assertThat(Duration.between(Instant.now(), until).toDays()).isBetween(27L, 28L);
  }

  private static List<JsonNode> of(List<JsonNode> items, String businessKey) {
    return items.stream().filter(i -> businessKey.equals(i.get("businessKey").asText(null))).toList();
  }

  private static List<String> kinds(List<JsonNode> items, String businessKey) {
    return of(items, businessKey).stream().map(i -> i.get("kind").asText()).toList();
  }

  private static Map<String, Object> entry(String number, LocalDate certifiedOn, String serviceName) {
    return Map.of("certificationNumber", number, "certifiedOn", certifiedOn.toString(),
        "firstCertifiedOn", certifiedOn.toString(),
        "provider", Map.of("corporateNumber", TestApplications.PROVIDER1_NUMBER, "name", "株式会社テスト",
            "email", "legacy@provider.example.jp"),
        "service", Map.of("name", serviceName, "description", "旧台帳のサービス"),
        "disclosure", List.of(Map.of("itemId", "B-01", "value", certifiedOn.minusDays(20).toString())));
  }

  private static String yymm(LocalDate day) {
    return day.format(DateTimeFormatter.ofPattern("yyMM"));
  }
}
