package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.oversight.Investigations;
import jp.iotcert.support.TestApplications;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff work a task in the real Tasklist, in Chromium: log in, find the task through the Japanese
 * filter, see its Camunda Form rendered in Japanese, fill it in and complete it.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class TasklistBrowserIT {

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;
  @Autowired CertificationService certifications;
  @Autowired Investigations investigations;
  @Autowired TransactionTemplate transactions;

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
      Path shot = Path.of("target", "tasklist-screenshot.png");
      Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void staffCompleteTheCompletenessCheckInTasklist() {
    Application application = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "ブラウザ確認サービス", TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of());
    String no = application.applicationNumber();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    login(wait, "staff1");

    // The Japanese filters of IdentitySetup, then the task by its Japanese name.
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請書類を確認する')]"))).click();

    By checkbox = By.xpath("//label[contains(.,'揃っている')]/ancestor::*[contains(@class,'fjs-form-field')]//input[@type='checkbox']");
    wait.until(ExpectedConditions.presenceOfElementLocated(checkbox));
    assertThat(browser.getPageSource()).contains(no).contains("自動点検の結果").contains("登記事項証明書（touki.pdf）")
        .contains("照会は設定されていません");

    // Claim (the form stays disabled until then), tick, complete. Without the NTA check (the tests'
    // default), complete documents also need the tick that the 登記事項証明書 shows the corporation.
    clickText(wait, "引き受ける");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    click(wait.until(ExpectedConditions.elementToBeClickable(checkbox)));
    By verified = By.xpath("//label[contains(.,'法人の実在を確認した')]/ancestor::*[contains(@class,'fjs-form-field')]"
        + "//input[@type='checkbox']");
    click(wait.until(ExpectedConditions.elementToBeClickable(verified)));
    clickText(wait, "完了");

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
        taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_CheckCompleteness").count() == 0);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_CheckCompleteness")
        .count()).isZero();
  }

  /**
   * 第15条: staff start an investigation from Tasklist's 「プロセスを開始」 with the start form; an unknown
   * certification number is refused with the message in the dialog, a correct form records it.
   */
  @Test
  void staffStartAnInvestigationInTasklist() {
    Application application = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        "ブラウザ調査サービス", TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of());
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    String no = transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(
        application.applicationNumber(), TestApplications.PROVIDER1_NUMBER, "株式会社テスト", "ブラウザ調査サービス", "説明",
        null, today, today, "[]", "[]"))).certificationNumber();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    login(wait, "staff1");

    clickText(wait, "プロセスを開始");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='調査']"))));
    wait.until(ExpectedConditions.presenceOfElementLocated(formField("認定番号"))).sendKeys("IoT 9999-9999");
    click(browser.findElement(formField("認定マークの使用")));
    browser.findElement(formField("調査の理由")).sendKeys("利用者からの苦情");
    browser.findElement(formField("事業者に求める説明・資料")).sendKeys("認定マークの掲載箇所の一覧");
    // Date fields take 2026/12/10 (scripts/japanese-forms.js) and store an ISO date.
    browser.findElement(formField("提出期限")).sendKeys(today.plusDays(14).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "\t");
    clickText(wait, "開始");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "認定番号「IoT 9999-9999」の認定はありません"));
    assertThat(investigations.of(no)).isEmpty();

    WebElement number = browser.findElement(formField("認定番号"));
    number.clear();
    number.sendKeys(no);
    clickText(wait, "開始");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !investigations.of(no).isEmpty());
    assertThat(investigations.of(no)).singleElement().satisfies(inv -> {
      assertThat(inv.scope()).containsExactly(Investigations.Scope.OPERATIONS, Investigations.Scope.MARK_USE);
      assertThat(inv.deadline()).isEqualTo(today.plusDays(14));
      assertThat(inv.openedBy()).isEqualTo("staff1");
    });
  }

  private void login(WebDriverWait wait, String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, user);
  }

  private static By formField(String label) {
    return By.xpath("//label[contains(.,'" + label + "')]/ancestor::*[contains(@class,'fjs-form-field')]"
        + "//*[self::input or self::textarea]");
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
