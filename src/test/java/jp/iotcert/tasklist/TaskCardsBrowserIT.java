package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 10, "which case is this?", in the real Tasklist: the cards show the application number,
 * the provider, and (unfolded under the card's arrow) the service and 新規／更新, for a new
 * application and for a renewal; staff find an application's task by typing its number into the
 * search and choosing the business key. The browser is a Japanese one in Japan time (Chromium).
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class TaskCardsBrowserIT {

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;

  private ChromeDriver browser;
  /** The certification the renewal renews. */
  private String renewed;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "task-cards-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void cardsSayWhichCaseAndTheSearchFindsAnApplicationByItsNumber() {
    String wanted = submit("カード検索サービス", "株式会社テスト(株)");
    String other = submit("カード別件サービス", "株式会社テスト");
    String renewal = renewal("カード更新サービス");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, "staff1");
    // The webapps choose Japanese from what the browser asks for: a browser set up in Japan.
    assertThat(browser.executeScript("return [navigator.language, navigator.languages.join(','),"
        + " Intl.DateTimeFormat().resolvedOptions().timeZone, Intl.DateTimeFormat().resolvedOptions().locale]"))
        .isEqualTo(List.of("ja-JP", "ja-JP,ja", "Asia/Tokyo", "ja-JP"));

    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請審査')]"))).click();
    // The cards: the application number and the provider, with their labels (Tasklist shows the first
    // two variables a task has; サービス and 新規／更新 unfold under the card's arrow).
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), wanted));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), other));
    // The provider's name as written: 「(株)」, not the Markdown escape 「\(株\)」 the forms use.
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("申請番号", "事業者", "株式会社テスト(株)")
        .doesNotContain("\\");
    // Unfolded, a card also says which service and whether it is a new application or a renewal.
    assertThat(unfoldedCard(wait, wanted)).contains("申請番号\n" + wanted, "事業者\n株式会社テスト(株)",
        "サービス\nカード検索サービス", "新規／更新\n新規").doesNotContain("認定番号");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), renewal));
    assertThat(unfoldedCard(wait, renewal)).contains("申請番号\n" + renewal, "認定番号\n" + renewed,
        "サービス\nカード更新サービス", "新規／更新\n更新");

    // The search: click into it, choose the business key from the types it offers, type the number.
    WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".search-container > input")));
    search.click();
    click(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class,'dropdown-menu')]//a[contains(normalize-space(.),'プロセスインスタンスのビジネスキー')]"))));
    new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.switchTo().activeElement().getTagName().equals("input"));
    browser.switchTo().activeElement().sendKeys(wanted + "\n");
    wait.until(d -> !d.findElement(By.tagName("body")).getText().contains(other));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(wanted).doesNotContain(other);

    // The form shows the same name as text (its Markdown copy, rendered).
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請書類を確認する')]"))).click();
    WebElement caseText = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-form')]//strong[normalize-space(.)='事業者']/..")));
    assertThat(caseText.getText()).contains("事業者 株式会社テスト(株)").doesNotContain("\\");
  }

  /** The card of the application's task, unfolded with its arrow: its text, a label and its value per line. */
  private String unfoldedCard(WebDriverWait wait, String applicationNumber) {
    WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//li[contains(@class,'task')][.//*[contains(@class,'task-card-details')]][contains(.,'" + applicationNumber + "')]")));
    click(card.findElement(By.cssSelector(".task-card-details .shutter")));
    wait.until(d -> card.findElement(By.cssSelector(".task-card-details")).getAttribute("class").contains("expanded"));
    // Labels and values as the reader sees them: one line per label and one per value.
    return card.findElement(By.cssSelector(".task-card-details")).getText().replaceAll("[ \t]*\n[ \t]*", "\n")
        .replaceAll("[:：]\n", "\n");
  }

  /**
   * A renewal of a certification of provider1 whose renewal window (60 to 30 days before its last
   * day, 第12条第1項) is open today: certified 2 years less 45 days ago.
   */
  private String renewal(String serviceName) {
    String original = submit(serviceName, "株式会社テスト");
    LocalDate certifiedOn = LocalDate.now(BusinessCalendar.ZONE).minusYears(2).plusDays(45);
    renewed = transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(original,
        TestApplications.PROVIDER1_NUMBER, "株式会社テスト", serviceName, "説明", null, certifiedOn, certifiedOn, "[]",
        "[]"))).certificationNumber();
    return applications.submit(TestApplications.renewal(TestApplications.PROVIDER1_NUMBER, serviceName, renewed,
        TestApplications.fullDisclosure(catalogue)), List.of(), List.of()).applicationNumber();
  }

  private String submit(String serviceName, String providerName) {
    ApplicationRequest base = TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, serviceName,
        TestApplications.fullDisclosure(catalogue));
    ApplicationRequest.Provider provider = new ApplicationRequest.Provider(base.provider().corporateNumber(),
        providerName, base.provider().address(), base.provider().representative());
    return applications.submit(new ApplicationRequest(base.type(), base.certificationNumber(), base.channel(), provider,
        base.contact(), base.service(), base.disclosure(), base.withheldItems(), base.markUseDeclaration(), null),
        TestApplications.registryCertificate(), List.of()).applicationNumber();
  }

  private void click(WebElement element) {
    browser.executeScript("arguments[0].click();", element);
  }
}
