package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.application.ApplicationService;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 10, the committee's context: a member at 1,280 px sees in 「意見を提出する」 the application's
 * documents (and opens one with the Tasklist login, the read logged, 第20条), the disclosure table with
 * the withholding request, the review's result and findings, and that there was no inspection. A
 * member with a declared interest in the applicant (第7条) sits on no committee of it and reads nothing.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class CommitteeContextBrowserIT {

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "committee-context.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void aMemberSeesTheDocumentsDisclosureAndFindingsAndOpensADocument() throws Exception {
    String no = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "委員会表示確認", TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(),
        List.of()).applicationNumber();
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    applications.pay(no, new ApplicationService.PaymentRequest(100_000L, LocalDate.now(BusinessCalendar.ZONE),
        "PAY-" + no));
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_ReviewApplication", TestApplications.judged(Map.of(ApplicationProcess.REVIEW_RESULT, "NON_CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "設立年月日の記載に誤りがある。", ApplicationProcess.NON_CONFORMING_ITEMS, "B-03",
        ApplicationProcess.CONFORMING_ITEMS, List.of("B-01", "B-02"), ApplicationProcess.INSPECTION_REQUIRED, false,
        ApplicationProcess.COMMITTEE_REQUIRED, true)));
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_GiveOpinion")
        .taskAssignee("committee1").count()).isEqualTo(1);

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, "committee1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'自分のタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'意見を提出する')]"))).click();

    By documentLink = By.xpath("//*[contains(@class,'fjs-form')]//a[contains(@href,'/api/applications/" + no
        + "/documents/')]");
    WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(documentLink));
    assertThat(link.getText()).isEqualTo("登記事項証明書（touki.pdf）");
    WebElement form = browser.findElement(By.cssSelector(".fjs-form"));
    // The disclosure as a table: item, 必須/選択, content, and the withholding request.
    WebElement withheldRow = form.findElement(By.xpath(".//table//tr[td[normalize-space(.)='B-09']]"));
    assertThat(withheldRow.getText()).contains("売上高", "必須", "開示内容: 売上高", "公表留保の申出: 非上場のため売上高は公表を控えたい");
    assertThat(form.findElement(By.xpath(".//table//tr[td[normalize-space(.)='B-12']]")).getText()).contains("選択");
    String shown = form.getText();
    assertThat(shown).contains("審査結果：不適合", "審査基準に適合しない項目：B-03「設立年月日」",
        "設立年月日の記載に誤りがある。", "実地調査は行っていません。");
    // Read at 1,280 px without scrolling sideways; the table fits its field (the task pane cuts off what does not).
    assertThat((Boolean) browser.executeScript(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
    assertThat((Boolean) browser.executeScript("const table = arguments[0];"
        + " return table.offsetWidth <= table.closest('.fjs-form-field').clientWidth;",
        form.findElement(By.tagName("table")))).as("the disclosure table fits the form").isTrue();
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", withheldRow);
    Files.write(Path.of("target", "committee-context-disclosure.png"), browser.getScreenshotAs(OutputType.BYTES));
    browser.executeScript("arguments[0].scrollIntoView({block: 'start'})",
        form.findElement(By.xpath(".//h4[normalize-space(.)='審査']")));
    Files.write(Path.of("target", "committee-context-review.png"), browser.getScreenshotAs(OutputType.BYTES));

    // The link opens with the Tasklist login (no password dialog), and the read is logged (第20条).
    assertThat(reads(no, "committee1")).isZero();
    String path = link.getDomAttribute("href");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
    link.click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> reads(no, "committee1") == 1);

    // committee3 declared an interest in provider1 (demo data): not on this committee, no read of its documents.
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).taskAssignee("committee3").count()).isZero();
    assertThat(http.withBasicAuth("committee3", "demo").getForEntity(path, String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(http.withBasicAuth("committee2", "demo").getForEntity(path, byte[].class).getStatusCode().value())
        .isEqualTo(200);
    assertThat(reads(no, "committee3")).isZero();
  }

  private void complete(String no, String key, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key)
        .singleResult().getId(), variables);
    Jobs.runDue(runtimeService, managementService, no);
  }

  private int reads(String applicationNumber, String user) {
    return jdbc.sql("SELECT COUNT(*) FROM document_read WHERE application_number = ? AND user_id = ?")
        .params(applicationNumber, user).query(Integer.class).single();
  }
}
