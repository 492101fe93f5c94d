package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jp.iotcert.account.AccountBindingProcess;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.PortalAccounts;
import jp.iotcert.support.TestSmtp;
import jp.iotcert.support.Pages;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
 * Issue 12 in the browsers people use: a company registers on a phone-width portal page, opens the
 * confirmation link it got by mail (GreenMail), staff1 approves 「事業者アカウントを確認する」 in
 * Tasklist, and the account signs in and sees its corporate number.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class AccountBindingBrowserIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(TestSmtp.SETUP);

  @LocalServerPort int port;
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
      Files.write(Path.of("target", "account-binding-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void aCompanyRegistersStaffApproveInTasklistAndTheAccountActsForItsNumber() throws Exception {
    String number = PortalAccounts.newCorporateNumber();
    String root = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    // On a phone: the registration form, first with a weak password (its error next to the field).
    browser.manage().window().setSize(new Dimension(500, 1000));
    browser.get(root + "/portal/login");
    browser.findElement(By.linkText("事業者アカウントの登録")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("corporateNumber")));
    fill("corporateNumber", number);
    fill("companyName", "株式会社ブラウザ登録");
    fill("contactName", "画面 太郎");
    fill("email", "browser@example.co.jp");
    fill("userId", "browsertaro");
    fill("password", "password1234");
    fill("passwordConfirmation", "password1234");
    browser.findElement(By.xpath("//button[normalize-space(.)='登録する']")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
    assertThat(error.getText()).contains("推測されやすい");
    assertThat(browser.findElement(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("password")).getAttribute("aria-describedby")).contains("password-error");
    assertThat(browser.findElement(By.id("corporateNumber")).getAttribute("value")).isEqualTo(number);
    assertNoSidewaysScroll();
    fill("password", PortalAccounts.PASSWORD);
    fill("passwordConfirmation", PortalAccounts.PASSWORD);
    browser.findElement(By.xpath("//button[normalize-space(.)='登録する']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "確認メールを送りました"));

    String confirm = PortalAccounts.link(PortalAccounts.mail(MAIL, "browser@example.co.jp", "メールアドレスの確認"),
        "/portal/account/confirm/");
    browser.get(root + confirm);
    browser.findElement(By.xpath("//button[normalize-space(.)='メールアドレスを確認する']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "メールアドレスを確認しました"));
    assertNoSidewaysScroll();

    // staff1 at a desk: Tasklist, the group's tasks, the account's form, 承認する.
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(1400, 1000));
    browser.get(root + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, "staff1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'事業者アカウントを確認する')]"))).click();
    By approve = By.xpath("//label[normalize-space(.)='承認する']//input[@type='radio']");
    wait.until(ExpectedConditions.presenceOfElementLocated(approve));
    String form = browser.findElement(By.tagName("body")).getText();
    assertThat(form).contains(number).contains("株式会社ブラウザ登録").contains("画面 太郎").contains("browser@example.co.jp")
        .contains("まだありません");
    clickText(wait, "引き受ける");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    click(wait.until(ExpectedConditions.elementToBeClickable(approve)));
    clickText(wait, "完了");
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery()
        .processInstanceBusinessKey("browsertaro").count() == 0);
    assertThat(runtimeService.createVariableInstanceQuery().variableName(AccountBindingProcess.BINDING_DECISION).list())
        .anySatisfy(v -> assertThat(v.getValue()).isEqualTo(AccountBindingProcess.APPROVE));
    Jobs.runDue(runtimeService, managementService, "browsertaro");

    // The account signs in on the portal and acts for its number.
    browser.manage().deleteAllCookies();
    browser.manage().window().setSize(new Dimension(500, 1000));
    browser.get(root + "/portal/login");
    fill("username", "browsertaro");
    fill("password", PortalAccounts.PASSWORD);
    browser.findElement(By.xpath("//button[normalize-space(.)='ログイン']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), number));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("法人番号 " + number + " の事業者として手続きができます");
    browser.get(root + "/portal/account");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("同じ会社のアカウント").contains("browsertaro");
    assertNoSidewaysScroll();
  }

  private void fill(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private void assertNoSidewaysScroll() {
    Pages.assertNoSidewaysScroll(browser);
  }

  private void clickText(WebDriverWait wait, String text) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("(//button|//a)[normalize-space(.)='" + text + "']"))));
  }

  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
