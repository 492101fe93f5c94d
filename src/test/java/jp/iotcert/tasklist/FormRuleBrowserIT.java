package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.application.ApplicationRepository;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 * A rule only the server checks, broken in Tasklist, is shown as the rule's Japanese sentence: the
 * manager refuses an application without reasons (第6条第4項; the form leaves the reasons optional,
 * since they are required only for a refusal), reads exactly the sentence (no `ENGINE-`, no English),
 * adds the reasons and completes the task, and the error is gone.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class FormRuleBrowserIT {

  private static final String REASONS_REQUIRED = "認定しない場合は、その理由を記入してください（第6条第4項）。";

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired ApplicationRepository applicationRepository;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  private ChromeDriver browser;
  private Path profile;

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Chromium.start(profile);
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "form-rule-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void aRefusalWithoutReasonsShowsTheRuleAndTheCorrectedFormCompletes() {
    Application application = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "フォーム規則ブラウザ確認", TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(),
        List.of());
    String no = application.applicationNumber();
    atDecision(no);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    // form-js renders each option as <label>input text</label>.
    By refuse = By.xpath("//label[normalize-space(.)='認定しない']//input[@type='radio']");
    claimDecision(wait, refuse);

    click(wait.until(ExpectedConditions.elementToBeClickable(refuse)));
    clickText(wait, "完了");

    By error = By.xpath("//*[normalize-space(text())='" + REASONS_REQUIRED + "']");
    WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(error));
    assertThat(shown.getText().strip()).isEqualTo(REASONS_REQUIRED);
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains(REASONS_REQUIRED).doesNotContain("ENGINE-").doesNotContain("Cannot")
        .doesNotContain("Exception").doesNotContain("TaskListener");
    assertThat(task(no)).as("the task stays open").isNotNull();

    WebElement reasons = browser.findElement(By.xpath(
        "//label[contains(.,'理由')]/ancestor::*[contains(@class,'fjs-form-field')]//textarea"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", reasons);
    reasons.sendKeys("セキュリティ項目が審査基準に適合しない");
    // The error notification now covers the 完了 button (bottom right): the keyboard reaches it, and
    // the notification is left alone, so its disappearance below is the application's doing.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space(.)='完了']")))
        .sendKeys(Keys.ENTER);

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> task(no) == null);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(error));
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(REASONS_REQUIRED);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance(no))
        .variableName(ApplicationProcess.DECISION_REASONS).singleResult().getValue())
        .isEqualTo("セキュリティ項目が審査基準に適合しない");
  }

  /**
   * 第6条1: the manager deciding on a 不適合 review sees that result at the top; choosing 認定する
   * brings up the required override reason. 完了 without it is refused in Japanese and the task stays
   * open (the server's own refusal of a blank reason, DecisionRules, is proved at engine level in
   * CertificationApplicationProcessTest); with the reason the task completes and the reason is
   * recorded with the decision.
   */
  @Test
  void certifyingANonConformingReviewAsksForTheReasonAndRecordsIt() {
    Application application = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "不適合審査ブラウザ確認", TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(),
        List.of());
    String no = application.applicationNumber();
    atDecision(no, Map.of(ApplicationProcess.REVIEW_RESULT, "NON_CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "B-29 が不十分", ApplicationProcess.NON_CONFORMING_ITEMS, "B-29"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    By certify = By.xpath("//label[normalize-space(.)='認定する']//input[@type='radio']");
    claimDecision(wait, certify);

    assertThat(browser.findElement(By.tagName("body")).getText()).contains("審査結果は「不適合」です").contains("B-29");
    By override = By.xpath("//label[contains(.,'審査結果（不適合）に反して認定する理由')]"
        + "/ancestor::*[contains(@class,'fjs-form-field')]//textarea");
    assertThat(browser.findElements(override)).as("asked only when certifying").isEmpty();
    click(wait.until(ExpectedConditions.elementToBeClickable(certify)));
    WebElement reason = wait.until(ExpectedConditions.visibilityOfElementLocated(override));

    // 完了 without the reason: the form's own check, in Japanese, and nothing is decided.
    clickText(wait, "完了");
    By required = By.xpath("//label[contains(.,'審査結果（不適合）に反して認定する理由')]"
        + "/ancestor::*[contains(@class,'fjs-form-field')]//*[contains(@class,'fjs-form-field-error')]");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(required)).getText().strip())
        .isEqualTo("入力してください。");
    assertThat(task(no)).as("the task stays open").isNotNull();
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Field is required")
        .doesNotContain("ENGINE-");

    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", reason);
    reason.sendKeys("実地調査でB-29の是正を確認した");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(required));
    pressComplete(wait);

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> task(no) == null);
    assertThat(applicationRepository.get(no).decisionOverrideReason()).isEqualTo("実地調査でB-29の是正を確認した");
  }

  /** manager1 signs in, opens 「認定の可否を決定する」 from the group's tasks once the form shows {@code option}, and claims it. */
  private void claimDecision(WebDriverWait wait, By option) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, "manager1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'認定の可否を決定する')]"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(option));
    clickText(wait, "引き受ける");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
  }

  private Task task(String no) {
    return taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_DecideCertification")
        .singleResult();
  }

  private String instance(String no) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no)
        .processDefinitionKey(ApplicationProcess.KEY).singleResult().getId();
  }

  /** Completeness, fee and a conforming review, as the people would. */
  private void atDecision(String no) {
    atDecision(no, Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "適合",
        ApplicationProcess.CONFORMING_ITEMS, catalogue.all().stream().map(i -> i.itemId()).toList()));
  }

  private void atDecision(String no, Map<String, Object> reviewVariables) {
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    applications.pay(no, new ApplicationService.PaymentRequest(100_000L,
        LocalDate.now(BusinessCalendar.ZONE), "PAY-" + no));
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_ReviewApplication", TestApplications.judged(reviewVariables));
    Jobs.runDue(runtimeService, managementService, no);
    assertThat(task(no)).isNotNull();
  }

  private void complete(String no, String key, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key)
        .singleResult().getId(), variables);
  }

  /**
   * 完了 once Tasklist enables it, clicked as the page's own click: a notification at the bottom
   * right (the previous refusal) may cover the button.
   */
  private void pressComplete(WebDriverWait wait) {
    WebElement complete = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space(.)='完了']")));
    wait.until(d -> complete.isEnabled());
    browser.executeScript("arguments[0].click();", complete);
  }

  private void clickText(WebDriverWait wait, String text) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("(//button|//a)[normalize-space(.)='" + text + "']"))));
  }

  /** Scrolls the element to the middle first: Tasklist's footer covers the bottom of a long form. */
  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
