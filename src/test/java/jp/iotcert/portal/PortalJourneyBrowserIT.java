package jp.iotcert.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.Validity;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.PortalAccounts;
import jp.iotcert.support.TestApplications;
import jp.iotcert.support.TestSmtp;
import jp.iotcert.tasklist.Chromium;
import jp.iotcert.support.Pages;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 12's "done": a company's staff member with a browser and no technical help registers, applies,
 * answers the secretariat, sees the result and renews, in Japanese; another company cannot reach any of
 * it by URL. The company's side runs in Chromium (ja-JP, Japan time); the secretariat's side goes
 * through /engine-rest as Tasklist sends it (the Tasklist side of the binding task is
 * AccountBindingBrowserIT's, the forms' are FormGalleryBrowserIT's).
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class PortalJourneyBrowserIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestSmtp.SETUP);

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ObjectMapper json;
  @Autowired DisclosureCatalogue catalogue;

  private ChromeDriver browser;
  private Path pdf;

  @BeforeEach
  void start() throws Exception {
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
    browser.manage().window().setSize(new Dimension(1280, 1000));
    pdf = Files.createTempFile("登記事項証明書", ".pdf");
    Files.write(pdf, TestApplications.PDF);
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    Files.deleteIfExists(pdf);
  }

  @Test
  void aCompanyRegistersAppliesAnswersASupplementSeesTheDecisionAndRenewsWhileAnotherCompanySeesNothing() throws Exception {
    String number = PortalAccounts.newCorporateNumber();
    String user = "journey" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    String email = user + "@journey.example.jp";

    // Register and confirm the address from the mail.
    open("/portal/login");
    navigate(browser.findElement(By.linkText("事業者アカウントの登録")));
    type("corporateNumber", number);
    type("companyName", "株式会社ジャーニー");
    type("contactName", "申請 一郎");
    type("email", email);
    type("userId", user);
    type("password", PortalAccounts.PASSWORD);
    type("passwordConfirmation", PortalAccounts.PASSWORD);
    navigate(button("登録する"));
    assertThat(h1()).contains("確認メールを送りました");
    open(PortalAccounts.link(PortalAccounts.mail(MAIL, email, "メールアドレスの確認"), "/portal/account/confirm/"));
    navigate(button("メールアドレスを確認する"));
    assertThat(h1()).contains("メールアドレスを確認しました");

    // Signed in before staff confirm the binding: the portal says it waits, and applying is refused.
    signIn(user, PortalAccounts.PASSWORD);
    assertThat(main()).contains("事務局による法人番号との紐付けの確認を待っています");
    open("/portal/applications/new");
    assertThat(browser.findElements(By.id("provider-corporateNumber"))).as("no application form before the binding").isEmpty();
    // The secretariat binds the account to its number (Tasklist's 「事業者アカウントを確認する」).
    work("staff1", user, "Task_ConfirmAccountBinding", Map.of("bindingDecision", "APPROVE"));
    Jobs.runDue(runtimeService, managementService, user);
    open("/portal/");
    assertThat(main()).contains("法人番号 " + number + " の事業者として手続きができます");

    // Apply with the registry certificate.
    open("/portal/applications/new");
    assertThat(browser.findElement(By.id("provider-corporateNumber")).getAttribute("value")).isEqualTo(number);
    type("provider-name", "株式会社ジャーニー");
    type("provider-address", "東京都千代田区丸の内1-1-1");
    type("provider-representative", "代表 二郎");
    type("contact-name", "申請 一郎");
    type("contact-email", email);
    type("contact-phone", "03-1234-5678");
    type("service-name", "ジャーニー見守りクラウド");
    type("service-description", "高齢者宅のセンサー情報を見守るクラウドサービス");
    disclose(LocalDate.now(BusinessCalendar.ZONE).minusDays(3));
    browser.findElement(By.id("registryCertificate")).sendKeys(pdf.toAbsolutePath().toString());
    navigate(browser.findElement(By.cssSelector("button[value=submit]")));
    assertThat(h1()).as("refused: %s", errorSummary()).isEqualTo("申請を受け付けました");
    String application = browser.findElement(By.id("application-number")).getText();

    // The secretariat asks for a supplement; the company sees the request on its page and answers it.
    work("staff1", application, "Task_CheckCompleteness", Map.of("documentsComplete", false,
        "supplementRequest", "登記事項証明書が3か月以内に発行されたものではありません。新しいものを提出してください。"));
    Jobs.runDue(runtimeService, managementService, application);
    open("/portal/applications/" + application);
    assertThat(browser.findElement(By.id("todos")).getText()).contains("登記事項証明書が3か月以内に発行されたものではありません");
    navigate(browser.findElement(By.linkText("補正を提出する")));
    type("message", "新しい登記事項証明書を添付します。");
    browser.findElement(By.id("registryCertificate")).sendKeys(pdf.toAbsolutePath().toString());
    navigate(button("補正を提出する"));
    assertThat(main()).contains("補正を提出しました。事務局が内容を確認します。").doesNotContain("補正の依頼内容");

    // Completeness, fee, review and decision on the secretariat's side.
    work("staff1", application, "Task_CheckCompleteness", completeness());
    pay(application);
    // The checklist as Tasklist submits it: a JSON array of the checked item ids.
    String checked = json.writeValueAsString(catalogue.all().stream().map(i -> i.itemId()).toList());
    work("reviewer1", application, "Task_ReviewApplication", Map.of("reviewResult", "CONFORMING",
        "reviewFindings", "全項目が審査基準に適合", "inspectionRequired", false, "committeeRequired", false,
        "conformingItems", Map.of("value", checked, "type", "Json")));
    Jobs.runDue(runtimeService, managementService, application);
    work("manager1", application, "Task_DecideCertification", Map.of("decision", "CERTIFY", "decisionReasons", "審査基準に適合"));
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      Jobs.runDue(runtimeService, managementService, application);
      return staffView(application).path("certificationNumber").isTextual();
    });
    String certification = staffView(application).get("certificationNumber").asText();

    // The company sees the decision, its letter and the certification.
    open("/portal/applications/" + application);
    assertThat(browser.findElement(By.id("decision")).getText()).contains("認定する").contains("審査基準に適合");
    assertThat(browser.findElement(By.id("notices")).getText()).contains("通知書（PDF）");
    open("/portal/certifications");
    assertThat(main()).contains(certification).contains("ジャーニー見守りクラウド");

    // Renewal of an older certification of the company (from the old register), inside its window.
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    LocalDate certifiedOn = today.minusYears(2).plusDays(45);
    LocalDate lastDay = Validity.lastDay(certifiedOn);
    assertThat(today).isBetween(Validity.renewalWindowOpens(lastDay), Validity.renewalWindowCloses(lastDay));
    String older = importCertification(number, certifiedOn);
    open("/portal/certifications/" + older.replace(" ", "%20"));
    assertThat(main()).contains("締切まであと");
    navigate(browser.findElement(By.id("renew")));
    assertThat(h1()).contains("認定の更新申請").contains(older);
    type("provider-name", "株式会社ジャーニー");
    type("provider-address", "東京都千代田区丸の内1-1-1");
    type("provider-representative", "代表 二郎");
    type("contact-name", "申請 一郎");
    type("contact-email", email);
    type("contact-phone", "03-1234-5678");
    type("service-name", "ジャーニー旧台帳サービス");
    type("service-description", "旧台帳から移行したサービス");
    disclose(today.minusDays(3));
    browser.findElement(By.id("markUse-compliant")).click();
    WebElement statement = browser.findElement(By.cssSelector("textarea[name='markUse.statement']"));
    statement.clear();
    statement.sendKeys("自社サイトのサービス紹介ページに認定マークを掲載し、検証用URLへリンクしています。");
    navigate(browser.findElement(By.cssSelector("button[value=submit]")));
    assertThat(h1()).as("refused: %s", errorSummary()).isEqualTo("申請を受け付けました");
    String renewal = browser.findElement(By.id("application-number")).getText();
    open("/portal/applications");
    assertThat(browser.findElement(By.id("applications")).getText()).contains(renewal).contains("更新");

    // Another company, by URL: every page of the first one is unknown to it.
    browser.manage().deleteAllCookies();
    signIn("provider2", "demo");
    for (String path : List.of("/portal/applications/" + application, "/portal/applications/" + renewal,
        "/portal/certifications/" + certification.replace(" ", "%20"),
        "/portal/certifications/" + older.replace(" ", "%20") + "/certificate.pdf")) {
      open(path);
      assertThat(main()).as(path).doesNotContain("ジャーニー").doesNotContain(number);
      assertThat(h1()).as(path).doesNotContain(application);
    }
    open("/portal/applications");
    assertThat(main()).doesNotContain(application).doesNotContain(renewal);
  }

  /** Every mandatory (必須) item of the catalogue, as a company's staff type them; B-01 is the disclosure date. */
  private void disclose(LocalDate disclosedOn) {
    catalogue.all().stream().filter(item -> item.mandatory()).forEach(item -> type("disclosure-" + item.itemId(),
        item.itemId().equals("B-01") ? disclosedOn.format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
            : "当社の" + item.name() + "について記載します。"));
  }

  /** The completeness check as staff tick it once the documents are complete. */
  private Map<String, Object> completeness() {
    Map<String, Object> values = new HashMap<>();
    values.put("documentsComplete", true);
    // No NTA application id in tests: the corporate-number check is done by hand from the 登記事項証明書.
    values.put("corporationVerified", true);
    values.put("supplementRequest", "");
    return values;
  }

  private String importCertification(String corporateNumber, LocalDate certifiedOn) {
    String number = "IoT " + ThreadLocalRandom.current().nextInt(8000, 9000) + "-"
        + certifiedOn.format(DateTimeFormatter.ofPattern("yyMM"));
    Map<String, Object> entry = new HashMap<>();
    entry.put("certificationNumber", number);
    entry.put("certifiedOn", certifiedOn.toString());
    entry.put("firstCertifiedOn", certifiedOn.toString());
    entry.put("provider", Map.of("corporateNumber", corporateNumber, "name", "株式会社ジャーニー",
        "email", "legacy@journey.example.jp"));
    entry.put("service", Map.of("name", "ジャーニー旧台帳サービス", "description", "旧台帳から移行したサービス"));
    entry.put("disclosure", List.of(Map.of("itemId", "B-01", "value", certifiedOn.minusDays(20).toString())));
    ResponseEntity<JsonNode> imported = exchange("staff1", HttpMethod.POST, "/api/certifications/imports", List.of(entry));
    assertThat(imported.getBody().get("created").asInt()).as("%s", imported.getBody()).isEqualTo(1);
    Jobs.runDue(runtimeService, managementService, number);
    return number;
  }

  private void pay(String application) {
    HttpHeaders paymentSystem = new HttpHeaders();
    paymentSystem.setBearerAuth("demo-payment-token-not-for-production");
    paymentSystem.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> paid = http.exchange("/api/applications/" + application + "/payments", HttpMethod.POST,
        new HttpEntity<>(Map.of("amount", 100000, "paidOn", LocalDate.now(BusinessCalendar.ZONE).toString(),
            "reference", "JOURNEY-" + application), paymentSystem), JsonNode.class);
    assertThat(paid.getStatusCode().value()).as("%s", paid.getBody()).isEqualTo(201);
    Jobs.runDue(runtimeService, managementService, application);
  }

  private JsonNode staffView(String application) {
    return exchange("staff1", HttpMethod.GET, "/api/applications/" + application, null).getBody();
  }

  /** As Tasklist: the task in the user's list, claimed, its form submitted; then the async step after it. */
  private void work(String user, String businessKey, String taskKey, Map<String, Object> values) {
    List<JsonNode> tasks;
    try {
      tasks = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
      Jobs.runDue(runtimeService, managementService, businessKey);
      JsonNode found = exchange(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
          + "&taskDefinitionKey=" + taskKey, null).getBody();
      List<JsonNode> list = new ArrayList<>();
      found.forEach(list::add);
      return list;
    }, list -> !list.isEmpty());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("no " + taskKey + " for " + user + " in " + businessKey + "; the case waits at "
          + waitingAt(businessKey), e);
    }
    String id = tasks.get(0).get("id").asText();
    if (tasks.get(0).get("assignee").isNull()) {
      assertThat(exchange(user, HttpMethod.POST, "/engine-rest/task/" + id + "/claim", Map.of("userId", user))
          .getStatusCode().value()).isEqualTo(204);
    }
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, v instanceof Map<?, ?> typed ? typed : Map.of("value", v)));
    ResponseEntity<JsonNode> submitted = exchange(user, HttpMethod.POST, "/engine-rest/task/" + id + "/submit-form",
        Map.of("variables", variables));
    assertThat(submitted.getStatusCode().value()).as("%s completes %s: %s", user, taskKey, submitted.getBody())
        .isIn(200, 204);
    Jobs.runDue(runtimeService, managementService, businessKey);
  }

  /** Where the case's instances wait (for a failure's message). */
  private String waitingAt(String businessKey) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .flatMap(p -> runtimeService.getActiveActivityIds(p.getId()).stream()).toList()
        + " after " + historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .stream().flatMap(p -> historyService.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
            .orderPartiallyByOccurrence().asc().list().stream()).map(a -> a.getActivityId()).toList();
  }

  private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private void signIn(String user, String password) {
    open("/portal/login");
    type("username", user);
    type("password", password);
    navigate(button("ログイン"));
  }

  private void open(String path) {
    browser.get("http://localhost:" + port + path);
  }

  private String errorSummary() {
    return browser.findElements(By.id("error-summary")).stream().map(WebElement::getText).findFirst().orElse("");
  }

  private String h1() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  private String main() {
    return browser.findElement(By.tagName("main")).getText();
  }

  private WebElement button(String text) {
    return browser.findElement(By.xpath("//main//button[normalize-space(.)='" + text + "']"));
  }

  private void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks and waits until the next page has loaded (a mark on the old page's window is gone). */
  private void navigate(WebElement control) {
    Pages.navigate(browser, control);
  }
}
