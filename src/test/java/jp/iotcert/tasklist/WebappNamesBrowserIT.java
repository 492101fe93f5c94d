package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.support.TestApplications;
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
 * What the webapps show around the work: no "migrate to Camunda 8" banner in Tasklist, Welcome, Cockpit
 * and Admin (styles/user-styles.css),
 * group and person names as people read them (IdentitySetup): 「事務局」, 「事務局 一郎」.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class WebappNamesBrowserIT {

  private static final By BANNER = By.cssSelector(".ce-eol-banner");
  private static final By BRAND = By.cssSelector("[cam-widget-header] .navbar-brand");

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;

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
      Files.write(Path.of("target", "webapp-names-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void noCamunda8BannerAndNamesPeopleRead() {
    applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, "名前確認サービス",
        TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    login(wait, "tasklist", "staff1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))).click();
    assertNoBanner(wait);

    // The task's candidate group by its name, the assignee in Japanese order once claimed.
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請書類を確認する')]"))).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task-meta] li.groups"), "事務局"));
    assertThat(browser.findElement(By.cssSelector("[cam-tasklist-task-meta] li.groups")).getText()).doesNotContain("staff");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='引き受ける']"))));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task-meta]"), "事務局 一郎"));

    browser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    assertNoBanner(wait);

    browser.manage().deleteAllCookies();
    login(wait, "cockpit", "manager1");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .app-menu, .dashboard")));
    assertNoBanner(wait);

    browser.manage().deleteAllCookies();
    login(wait, "admin", "demo");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "システム 管理者"));
    assertNoBanner(wait);
  }

  /** The header (whose template holds the banner) is rendered; the banner is nowhere to be seen. */
  private void assertNoBanner(WebDriverWait wait) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(BRAND));
    assertThat(browser.findElements(BANNER)).noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
  }

  private void login(WebDriverWait wait, String app, String user) {
    browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    Webapps.signIn(browser, user);
  }

  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
