package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.document.DocumentKind;
import jp.iotcert.document.UploadedDocument;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Findings 7 and 8 in a real Chromium: applicants' text shows as text in Tasklist's forms (no link,
 * no image from the data), a page of another origin cannot submit an application with the staff
 * user's browser, and a document link in a form opens with the Tasklist login alone.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class BrowserSafetyIT {

  private static final String LINK = "<a href=\"https://evil.example/\">x</a>";
  private static final String IMAGE = "<img src=x onerror=alert(1)>";
  private static final String MARKDOWN_LINK = "[x](https://evil.example/)";
  private static final String HOSTILE = LINK + " " + IMAGE + " " + MARKDOWN_LINK + " https://evil.example/bare";

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "browser-safety-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  private ApplicationRequest hostileApplication(String serviceName) {
    List<DisclosureValue> disclosure = TestApplications.fullDisclosure(catalogue).stream()
        .map(v -> v.itemId().equals("B-01") ? v : new DisclosureValue(v.itemId(), HOSTILE)).toList();
    ApplicationRequest base = TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, serviceName, disclosure);
    return new ApplicationRequest(base.type(), null, base.channel(),
        new ApplicationRequest.Provider(base.provider().corporateNumber(), "株式会社" + LINK, base.provider().address(),
            base.provider().representative()),
        base.contact(), new ApplicationRequest.Service(serviceName, HOSTILE, base.service().url()), disclosure,
        List.of(new ApplicationRequest.WithheldItem("B-09", IMAGE)), null, null);
  }

  @Test
  void applicantsTextIsTextInTheFormsAndDocumentLinksOpenWithTheTasklistLogin() {
    String no = applications.submit(hostileApplication("悪意" + HOSTILE), List.of(new UploadedDocument(
        DocumentKind.REGISTRY_CERTIFICATE, MARKDOWN_LINK + IMAGE + ".pdf", TestApplications.PDF)), List.of())
        .applicationNumber();

    login("staff1");
    openGroupTask("申請書類を確認する");
    By documentLink = By.xpath("//a[contains(@href,'/api/applications/" + no + "/documents/')]");
    wait.until(ExpectedConditions.presenceOfElementLocated(documentLink));
    assertShownAsText("悪意" + HOSTILE, "株式会社" + LINK, "登記事項証明書（" + MARKDOWN_LINK + IMAGE + ".pdf）");

    // The link is relative, and opens the PDF with the Tasklist login: no Basic dialog, the read logged (第20条).
    assertThat(browser.findElement(documentLink).getDomAttribute("href")).startsWith("/api/applications/");
    clickText("引き受ける");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    click(wait.until(ExpectedConditions.elementToBeClickable(documentLink)));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> reads(no, "staff1") == 1);
    assertThat(reads(no, "staff1")).isEqualTo(1);

    // The reviewer's form shows the disclosure table: every value as text.
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(no)
        .taskDefinitionKey("Task_CheckCompleteness").singleResult().getId();
    taskService.complete(taskId, Map.of("documentsComplete", true, "corporationVerified", true));
    runJobs(no);
    HttpHeaders payment = new HttpHeaders(); // staff record the fee (the payment system has a token, no account)
    payment.setBasicAuth("staff1", "demo");
    payment.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.exchange("/api/applications/" + no + "/payments", HttpMethod.POST, new HttpEntity<>(Map.of(
        "amount", 100000, "paidOn", LocalDate.now(BusinessCalendar.ZONE).toString(), "reference", "XSS-" + no), payment),
        String.class).getStatusCode().is2xxSuccessful()).isTrue();
    runJobs(no);
    browser.manage().deleteAllCookies();
    login("reviewer1");
    openGroupTask("申請を審査する");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "開示内容（申請書B）"));
    // The withholding request to judge (第11条2) shows the applicant's reason as text too.
    assertShownAsText("悪意" + HOSTILE, HOSTILE.substring(0, 40), "公表留保の申出: " + IMAGE, "申出の理由: " + IMAGE);
  }

  /** The form shows the characters themselves, and nothing of the data became a link or an image. */
  private void assertShownAsText(String... texts) {
    String shown = browser.findElement(By.cssSelector(".fjs-form")).getText();
    for (String text : texts) {
      assertThat(shown).contains(text);
    }
    assertThat(browser.findElements(By.cssSelector("a[href*='evil']"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".fjs-form img"))).isEmpty();
  }

  @Test
  void aPageOfAnotherOriginCannotSubmitAnApplicationWithTheStaffBrowser() throws Exception {
    String app = "http://localhost:" + port;
    // The staff user has used the API in this browser with Basic credentials (a Tasklist session would
    // not help a cross-site POST: its cookie is SameSite=Lax, and the session authorizes reading only).
    browser.get("http://staff1:demo@localhost:" + port + "/api/disclosure-items");
    int before = applicationCount();

    String application = json.writeValueAsString(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "越境送信サービス", TestApplications.fullDisclosure(catalogue)));
    String page = """
        <!doctype html><html><body>
        <form id="f" method="post" enctype="multipart/form-data" action="%s/api/applications">
          <input type="hidden" name="application" id="a"><input type="file" name="registryCertificate" id="r">
        </form>
        <script>
          document.getElementById('a').value = JSON.stringify(%s);
          const files = new DataTransfer();
          files.items.add(new File(['%%PDF-1.4\\n%%%%EOF\\n'], 'touki.pdf', {type: 'application/pdf'}));
          document.getElementById('r').files = files.files;
          document.getElementById('f').submit();
        </script>
        </body></html>""".formatted(app, application);
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext("/", exchange -> {
      byte[] body = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    other.start();
    try {
      browser.get("http://127.0.0.1:" + other.getAddress().getPort() + "/");
      wait.until(ExpectedConditions.urlContains(app + "/api/applications"));
      wait.until(d -> !d.findElement(By.tagName("body")).getText().isBlank());
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("他のサイト").doesNotContain("applicationNumber");
    } finally {
      other.stop(0);
    }
    assertThat(applicationCount()).isEqualTo(before);
  }

  private int applicationCount() {
    return jdbc.sql("SELECT COUNT(*) FROM application").query(Integer.class).single();
  }

  private int reads(String applicationNumber, String user) {
    return jdbc.sql("SELECT COUNT(*) FROM document_read WHERE application_number = ? AND user_id = ?")
        .params(applicationNumber, user).query(Integer.class).single();
  }

  private void runJobs(String businessKey) {
    Jobs.runDue(runtimeService, managementService, businessKey);
  }


  private void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, user);
  }

  private void openGroupTask(String name) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'" + name + "')]"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
  }

  private void clickText(String text) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("(//button|//a)[normalize-space(.)='" + text + "']"))));
  }

  /** Scrolls the element to the middle first: Tasklist's footer covers the bottom of a long form. */
  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
