package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
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

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys("staff1");
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    // The Japanese filters of IdentitySetup, then the task by its Japanese name.
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請書類を確認する')]"))).click();

    By checkbox = By.xpath("//label[contains(.,'揃っている')]/ancestor::*[contains(@class,'fjs-form-field')]//input[@type='checkbox']");
    wait.until(ExpectedConditions.presenceOfElementLocated(checkbox));
    assertThat(browser.getPageSource()).contains(no).contains("自動点検の結果").contains("登記事項証明書（touki.pdf）");

    // Claim (the form stays disabled until then), tick, complete.
    clickText(wait, "引き受ける");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    click(wait.until(ExpectedConditions.elementToBeClickable(checkbox)));
    clickText(wait, "完了");

    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d ->
        taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_CheckCompleteness").count() == 0);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_CheckCompleteness")
        .count()).isZero();
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
