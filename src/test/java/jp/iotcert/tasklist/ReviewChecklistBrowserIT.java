package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.application.WithholdingJudgements;
import jp.iotcert.application.WithholdingRules;
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
import org.junit.jupiter.api.TestInfo;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reviewer at 1,280 px: the renewal note heads the form (and is hidden without one), and
 * 「すべて適合（例外のみ外す）」 replaces ticking every item — one box, one exception, and the
 * server records every offered item but the exception as conforming.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class ReviewChecklistBrowserIT {

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired WithholdingJudgements withholding;

  private ChromeDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Chromium.start(profile);
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterEach
  void stopBrowser(TestInfo test) throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "review-checklist-" + test.getTestMethod().orElseThrow().getName() + ".png"),
          browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void allConformingWithOneExceptionCompletesTheReview() throws Exception {
    String no = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "チェックリスト確認", TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(),
        List.of()).applicationNumber();
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    applications.pay(no, new ApplicationService.PaymentRequest(100_000L, LocalDate.now(BusinessCalendar.ZONE),
        "PAY-" + no));
    Jobs.runDue(runtimeService, managementService, no);
    String optional = catalogue.all().stream().filter(i -> !i.mandatory()).findFirst().orElseThrow().itemId();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    openReview(wait);
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).as("a new application has no renewal note").doesNotContain("更新申請です");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("(//button|//a)[normalize-space(.)='引き受ける']"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));

    By exceptions = By.xpath("//label[contains(.,'例外（適合と確認できない項目）')]");
    assertThat(browser.findElements(exceptions)).as("exceptions only with the box").isEmpty();
    click(browser.findElement(By.xpath("//label[contains(.,'すべて適合（例外のみ外す）')]//input[@type='checkbox']")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(exceptions));
    assertThat(browser.findElements(By.xpath("//label[contains(.,'審査基準に適合している項目')]")))
        .as("the one-by-one checklist is hidden").isEmpty();
    click(browser.findElement(By.xpath("//label[contains(.,'例外（適合と確認できない項目）')]"
        + "/ancestor::*[contains(@class,'fjs-form-field')]//label[starts-with(normalize-space(.),'" + optional
        + " ')]//input")));
    accept(TestApplications.WITHHELD_ITEM);
    click(browser.findElement(By.xpath("//label[normalize-space(.)='適合']//input[@type='radio']")));
    WebElement findings = browser.findElement(By.xpath(
        "//label[contains(.,'審査所見')]/ancestor::*[contains(@class,'fjs-form-field')]//textarea"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", findings);
    findings.sendKeys("全項目適合（" + optional + " は確認できず）");
    // The form fits the pane: no horizontal scrolling at 1,280 px.
    assertThat((Boolean) browser.executeScript(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.findElement(exceptions));
    Files.write(Path.of("target", "review-checklist-all-conforming.png"), browser.getScreenshotAs(OutputType.BYTES));
    click(browser.findElement(By.xpath("(//button|//a)[normalize-space(.)='完了']")));
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery()
        .processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewApplication").count() == 0);
    String counted = String.valueOf(runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(processInstance(no)).variableName(ApplicationProcess.CONFORMING_ITEMS)
        .singleResult().getValue());
    assertThat(counted).contains("\"B-01\"").doesNotContain("\"" + optional + "\"");
  }

  /**
   * 第11条2 and the pane's width: the disclosure table fits the form pane at 1,280 px, and the reviewer
   * accepts one request to withhold an item and rejects the other with a reason; the server stores both.
   */
  @Test
  void theReviewerJudgesEachWithholdingRequestAndTheTableFitsThePane() throws Exception {
    ApplicationRequest base = TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, "公表留保判断",
        TestApplications.fullDisclosure(catalogue));
    String no = applications.submit(new ApplicationRequest(base.type(), null, base.channel(), base.provider(),
        base.contact(), base.service(), base.disclosure(), List.of(
            new ApplicationRequest.WithheldItem("B-09", "非上場のため売上高は公表を控えたい"),
            new ApplicationRequest.WithheldItem("B-10", "経常利益は競争上の秘密")), null, null),
        TestApplications.registryCertificate(), List.of()).applicationNumber();
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    applications.pay(no, new ApplicationService.PaymentRequest(100_000L, LocalDate.now(BusinessCalendar.ZONE),
        "PAY-" + no));
    Jobs.runDue(runtimeService, managementService, no);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    openReview(wait);
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("(//button|//a)[normalize-space(.)='引き受ける']"))));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));

    WebElement table = browser.findElement(By.xpath("//h4[contains(.,'開示内容（申請書B）')]/following::table[1]"));
    @SuppressWarnings("unchecked")
    Map<String, Object> widths = (Map<String, Object>) browser.executeScript("""
        const table = arguments[0];
        const pane = table.closest('.fjs-container') || table.closest('form');
        return {table: table.scrollWidth, pane: pane.clientWidth, page: document.documentElement.scrollWidth,
          window: document.documentElement.clientWidth};""", table);
    assertThat(((Number) widths.get("table")).longValue()).as("table within the form pane: " + widths)
        .isLessThanOrEqualTo(((Number) widths.get("pane")).longValue());
    assertThat(((Number) widths.get("page")).longValue()).as("no horizontal scrolling: " + widths)
        .isLessThanOrEqualTo(((Number) widths.get("window")).longValue());
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("B-09 売上高\n項目の定義: 直近の事業年度の売上高\n申出の理由: 非上場のため売上高は公表を控えたい")
        .contains("B-10 経常利益\n項目の定義: 直近の事業年度の経常利益\n申出の理由: 経常利益は競争上の秘密");

    click(browser.findElement(By.xpath("//label[contains(.,'すべて適合（例外のみ外す）')]//input[@type='checkbox']")));
    accept("B-09");
    WebElement rejections = browser.findElement(By.xpath(
        "//label[contains(.,'却下する申出の理由')]/ancestor::*[contains(@class,'fjs-form-field')][1]//textarea"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", rejections);
    rejections.sendKeys("B-10: 経常利益は決算公告で公表済み");
    click(browser.findElement(By.xpath("//label[normalize-space(.)='適合']//input[@type='radio']")));
    WebElement findings = browser.findElement(By.xpath(
        "//label[contains(.,'審査所見')]/ancestor::*[contains(@class,'fjs-form-field')]//textarea"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", findings);
    findings.sendKeys("全項目適合");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", rejections);
    Files.write(Path.of("target", "review-withholding-judged.png"), browser.getScreenshotAs(OutputType.BYTES));
    click(browser.findElement(By.xpath("(//button|//a)[normalize-space(.)='完了']")));

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery()
        .processInstanceBusinessKey(no).taskDefinitionKey("Task_ReviewApplication").count() == 0);
    assertThat(withholding.judgements(no).values()).containsExactly(
        new WithholdingRules.Judgement("B-09", "非上場のため売上高は公表を控えたい", true, null),
        new WithholdingRules.Judgement("B-10", "経常利益は競争上の秘密", false, "経常利益は決算公告で公表済み"));
  }

  @Test
  void aRenewalNoteHeadsTheReviewForm() {
    String no = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "更新表示確認", TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(),
        List.of()).applicationNumber();
    Jobs.runDue(runtimeService, managementService, no);
    // As ApplicationService sets it for a renewal (the process test checks the text itself).
    runtimeService.setVariable(processInstance(no), ApplicationProcess.RENEWAL_NOTE,
        "**更新申請です。** 認定番号 IoT 0001\\-2612 の更新（有効期間 2028年11月30日 まで）。");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    login(wait, "staff1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請書類を確認する')]"))).click();
    WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//strong[normalize-space(.)='更新申請です。']/..")));
    assertThat(note.getText()).contains("認定番号 IoT 0001-2612 の更新（有効期間 2028年11月30日 まで）。");
  }

  /** Ticks a request in 「受理する申出」. */
  private void accept(String itemId) {
    click(browser.findElement(By.xpath("//label[contains(.,'受理する申出')]/ancestor::*[contains(@class,'fjs-form-field')][1]"
        + "//label[starts-with(normalize-space(.),'" + itemId + " ')]//input[@type='checkbox']")));
  }

  private void openReview(WebDriverWait wait) {
    login(wait, "reviewer1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請を審査する')]"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//label[contains(.,'すべて適合（例外のみ外す）')]")));
  }

  private void login(WebDriverWait wait, String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, user);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))).click();
  }

  private String processInstance(String no) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no)
        .processDefinitionKey(ApplicationProcess.KEY).singleResult().getId();
  }

  private void complete(String no, String key, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key)
        .singleResult().getId(), variables);
  }

  /** Scrolls the element to the middle first: Tasklist's footer covers the bottom of a long form. */
  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
