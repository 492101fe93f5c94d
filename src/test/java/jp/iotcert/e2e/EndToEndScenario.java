package jp.iotcert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.CaseSteps;
import jp.iotcert.support.Mails;
import jp.iotcert.support.TestApplications;
import jp.iotcert.support.TestSmtp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application with the job executor on: an application submitted over HTTP is worked
 * through /engine-rest exactly as Tasklist does it (claim, submit-form) by staff, reviewer,
 * committee members and manager, and ends certified with a register entry and a running
 * `certification` lifecycle.
 */
abstract class EndToEndScenario {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestSmtp.SETUP);

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired JdbcClient jdbc;
  @Value("${iotcert.public-base-url}") String publicBaseUrl;

  @Test
  void applicationSubmittedOverHttpIsWorkedThroughTasklistAndCertified() throws Exception {
    String serviceName = "E2Eサービス " + System.nanoTime();
    String no = submitOverHttp("provider1", TestApplications.PROVIDER1_NUMBER, serviceName);

    // The catalogue's every item ticked as conforming, as the reviewer does in Tasklist.
    steps().workToCertification(no, catalogue.all().stream().map(i -> i.itemId()).toList(),
        () -> assertThat(steps().tasksOf("committee3", no, "Task_GiveOpinion")).isEmpty());

    JsonNode certified = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> exchange("provider1", HttpMethod.GET, "/api/applications/" + no, null, null).getBody(),
            view -> "CERTIFIED".equals(view.get("status").asText()) && view.get("notices").size() > 0
                && view.get("notices").findValuesAsText("kind").contains("CERTIFIED"));
    String certificationNumber = certified.get("certificationNumber").asText();
    assertThat(certificationNumber).matches("IoT \\d{4,}-\\d{4}");
    assertThat(certified.get("decision").get("decision").asText()).isEqualTo("CERTIFY");

    assertThat(jdbc.sql("SELECT status FROM certification WHERE certification_number = ?").param(certificationNumber)
        .query(String.class).single()).isEqualTo("VALID");
    JsonNode lifecycle = exchange("manager1", HttpMethod.GET,
        "/engine-rest/process-instance?processDefinitionKey=certification&businessKey=" + certificationNumber, null, null)
        .getBody();
    assertThat(lifecycle).hasSize(1);
    // The paperwork (第6条4–5): the certificate and the certification notice's letter, stored when it was made.
    String certificationNotice = null;
    for (JsonNode n : certified.get("notices")) {
      if ("CERTIFIED".equals(n.get("kind").asText())) {
        certificationNotice = n.get("href").asText();
      }
    }
    for (String href : List.of("/api/certifications/" + certificationNumber.replace(" ", "%20") + "/certificate.pdf",
        certificationNotice)) {
      HttpHeaders provider = new HttpHeaders();
      provider.setBasicAuth("provider1", "demo");
      ResponseEntity<byte[]> pdf = http.exchange(URI.create(http.getRootUri() + href), HttpMethod.GET,
          new HttpEntity<>(provider), byte[].class);
      assertThat(pdf.getStatusCode().value()).as(href).isEqualTo(200);
      try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
        assertThat(new PDFTextStripper().getText(doc)).as(href).contains(certificationNumber);
      }
    }
    // Mail goes out on the mailer's own threads once the job has committed.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(MAIL.getReceivedMessages()).anySatisfy(m -> assertThat(m.getSubject()).contains(certificationNumber)));
    opensTheVerificationUrlPrintedInTheMail(certificationNumber);
  }

  /**
   * The notice tells the provider to link its website to the 確認用URL (第10条4): taken from the mail as the
   * provider received it, that URL opens the public page in Japanese that says the certification is in force.
   */
  private void opensTheVerificationUrlPrintedInTheMail(String certificationNumber) throws Exception {
    String mail = null;
    for (var m : MAIL.getReceivedMessages()) {
      if (m.getSubject().contains(certificationNumber)) {
        mail = Mails.text(m);
      }
    }
    Matcher url = Pattern.compile("確認用URL: (\\S+)").matcher(mail);
    assertThat(url.find()).as(mail).isTrue();
    URI printed = URI.create(url.group(1));
    assertThat(printed.toString()).startsWith(publicBaseUrl + "/registry/");
    // The test server listens on a random port; the printed URL's path is asked of it, as of the public site.
    ResponseEntity<String> page = http.getForEntity(URI.create(http.getRootUri() + printed.getRawPath()), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("lang=\"ja\"").contains(certificationNumber)
        .containsPattern("この認定は本日（\\d{4}年\\d{1,2}月\\d{1,2}日）有効です。");
  }

  @Test
  void certificationNumbersStayUniqueUnderConcurrency() throws Exception {
    String run = Long.toString(System.nanoTime());
    List<String> all = concurrently(8, 5, (thread, i) -> {
      String applicationNumber = "C-" + run + "-" + thread + "-" + i;
      return transactions.execute(status -> certifications.certify(
          new CertificationService.NewCertification(applicationNumber,
              TestApplications.PROVIDER2_NUMBER, "並行株式会社", "並行サービス " + applicationNumber, "説明", null,
              LocalDate.now(BusinessCalendar.ZONE), null, "[]", "[]"))).certificationNumber();
    });
    assertThat(all).hasSize(8 * 5).doesNotHaveDuplicates();
    // Gap-free: the serials drawn under the counter's lock are consecutive.
    List<Integer> serials = all.stream().map(n -> Integer.parseInt(n.substring(4, n.indexOf('-')))).sorted().toList();
    assertThat(serials.get(serials.size() - 1) - serials.get(0)).isEqualTo(8 * 5 - 1);
  }

  /**
   * Application numbers come from a sequence without a lock (ApplicationNumbers): eight clients
   * submitting at once over HTTP each get their own number, each stored with its own application.
   */
  @Test
  void applicationNumbersStayUniqueUnderConcurrentSubmissions() throws Exception {
    String run = Long.toString(System.nanoTime());
    List<Map.Entry<String, String>> submitted = concurrently(8, 4, (thread, i) -> {
      String serviceName = "並行申請 " + run + "-" + thread + "-" + i;
      String number = thread % 2 == 0
          ? submitOverHttp("provider1", TestApplications.PROVIDER1_NUMBER, serviceName)
          : submitOverHttp("provider2", TestApplications.PROVIDER2_NUMBER, serviceName);
      return Map.entry(number, serviceName);
    });
    assertThat(submitted).hasSize(8 * 4);
    assertThat(submitted.stream().map(Map.Entry::getKey)).doesNotHaveDuplicates();
    submitted.forEach(s -> {
      assertThat(s.getKey()).matches("A-\\d{4}-\\d{6,}");
      assertThat(jdbc.sql("SELECT service_name FROM application WHERE application_number = ?").param(s.getKey())
          .query(String.class).single()).isEqualTo(s.getValue());
    });
  }

  /** What one thread does for its i-th round. */
  private interface Round<T> {
    T run(int thread, int i) throws Exception;
  }

  /** Runs perThread rounds on each of the threads, all released at the same moment; every result. */
  private static <T> List<T> concurrently(int threads, int perThread, Round<T> round) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<T>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      results.add(pool.submit(() -> {
        start.await();
        List<T> done = new ArrayList<>();
        for (int i = 0; i < perThread; i++) {
          done.add(round.run(thread, i));
        }
        return done;
      }));
    }
    start.countDown();
    List<T> all = new ArrayList<>();
    try {
      for (var result : results) {
        all.addAll(result.get(120, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    return all;
  }


  /** A new application over HTTP as the provider's client sends it; returns its number. */
  private String submitOverHttp(String user, String corporateNumber, String serviceName) {
    return steps().submitNew(user, TestApplications.newApplication(corporateNumber, serviceName,
        TestApplications.fullDisclosure(catalogue)), TestApplications.PDF);
  }

  /** The steps as the users do them over HTTP, shared with the benchmark (src/bench/java). */
  private CaseSteps steps() {
    return new CaseSteps(http.getRootUri(), json, Duration.ofMillis(300), Duration.ofSeconds(60));
  }

  /**
   * 第15条–第17条 and 第8条 end to end: an investigation leads to an improvement request that is
   * ignored, the manager revokes, the public registry shows REVOKED, and the same service applying
   * again is refused within the year and accepted after it. The engine's clock is moved for the
   * deadline and the year; the job executor fires the timers.
   */
  @Test
  void anIgnoredImprovementRequestLeadsToRevocationAndTheRefusalYear() throws Exception {
    String serviceName = "E2E取消サービス " + System.nanoTime();
    String p2 = TestApplications.PROVIDER2_NUMBER;
    LocalDate start = LocalDate.now(BusinessCalendar.ZONE);
    String applicationNumber = submitOverHttp("provider2", p2, serviceName);
    String no = transactions.execute(s -> certifications.certify(new CertificationService
        .NewCertification(applicationNumber, p2, "株式会社テスト", serviceName, "説明", null, start.minusDays(30),
            start.minusDays(30), json.valueToTree(TestApplications.fullDisclosure(catalogue)).toString(), "[]")))
        .certificationNumber();
    try {
      ResponseEntity<JsonNode> opened = exchange("staff1", HttpMethod.POST, "/api/certifications/" + no + "/investigations",
          Map.of("scope", List.of("OPERATIONS"), "reason", "利用者からの苦情", "request", "障害対応手順の説明",
              "deadline", start.plusDays(14).toString()), MediaType.APPLICATION_JSON);
      assertThat(opened.getStatusCode().value()).isEqualTo(201);
      String investigationId = opened.getBody().get("id").asText();
      String explanations = "/api/certifications/" + no + "/investigations/" + investigationId + "/explanations";
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> exchange("provider2",
          HttpMethod.POST, explanations, Map.of("explanation", "手順書はありません"), MediaType.APPLICATION_JSON)
          .getStatusCode().value() == 202);
      work("staff1", no, "Task_AssessExplanation", Map.of("explanationSufficient", true, "assessmentNote", "手順書なし"));
      LocalDate improvementDeadline = start.plusDays(30);
      work("staff1", no, "Task_DecideInvestigationOutcome", Map.of("investigationOutcome", "IMPROVEMENT",
          "findings", "障害対応手順が整備されていない", "improvementContent", "障害対応手順を整備すること",
          "improvementDeadline", improvementDeadline.toString(), "publishImprovement", true));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> exchange(null,
          HttpMethod.GET, "/api/public/certifications/" + no, null, null).getBody().get("improvementRequests").size() == 1);

      // The provider never reports: after the deadline the timer fires and staff propose revocation.
      ClockUtil.setCurrentTime(Date.from(improvementDeadline.plusDays(1).atTime(9, 0)
          .atZone(BusinessCalendar.ZONE).toInstant()));
      work("staff1", no, "Task_ProposeRevocation", Map.of("proposeRevocation", true, "proposalNote", "報告なし"));
      work("manager1", no, "Task_DecideRevocation", Map.of("revocationDecision", "REVOKE",
          "revocationReasons", "改善の要請に正当な理由なく従わなかった"));
      LocalDate revokedOn = improvementDeadline.plusDays(1);
      JsonNode entry = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> exchange(null, HttpMethod.GET, "/api/public/certifications/" + no, null, null).getBody(),
              e -> "REVOKED".equals(e.get("status").asText()));
      assertThat(entry.toString()).doesNotContain("手順書なし"); // staff's assessment never reaches the public
      JsonNode revocation = exchange("provider2", HttpMethod.GET, "/api/certifications/" + no + "/cases", null, null)
          .getBody().get("revocations").get(0);
      assertThat(revocation.get("decision").asText()).isEqualTo("REVOKE");
      assertThat(revocation.get("grounds").asText()).contains("第17条第1項第7号"); // as in the written notice
      assertThat(revocation.has("summary")).isFalse();
      assertThat(jdbc.sql("SELECT ended_on FROM certification WHERE certification_number = ?").param(no)
          .query(LocalDate.class).single()).isEqualTo(revokedOn);

      // 第8条: within a year of the revocation the same service is refused; after it, not.
      ClockUtil.setCurrentTime(Date.from(revokedOn.plusYears(1).minusDays(1).atTime(10, 0)
          .atZone(BusinessCalendar.ZONE).toInstant()));
      String refused = submitOverHttp("provider2", p2, serviceName);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> exchange("provider2",
          HttpMethod.GET, "/api/applications/" + refused, null, null).getBody().get("status").asText(), "REFUSED"::equals);
      ClockUtil.setCurrentTime(Date.from(revokedOn.plusYears(1).atTime(10, 0)
          .atZone(BusinessCalendar.ZONE).toInstant()));
      String accepted = submitOverHttp("provider2", p2, serviceName);
      work("staff1", accepted, "Task_CheckCompleteness", Map.of("documentsComplete", true, "corporationVerified", true));
      assertThat(exchange("provider2", HttpMethod.GET, "/api/applications/" + accepted, null, null).getBody()
          .get("status").asText()).isNotEqualTo("REFUSED");
    } finally {
      ClockUtil.reset();
    }
  }

  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;

  private void work(String user, String businessKey, String taskKey, Map<String, Object> values) {
    steps().work(user, businessKey, taskKey, values);
  }

  private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body, MediaType type) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    if (type != null) {
      headers.setContentType(type);
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
