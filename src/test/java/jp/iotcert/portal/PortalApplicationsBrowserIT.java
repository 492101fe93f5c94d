package jp.iotcert.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.iotcert.support.TestApplications;
import jp.iotcert.tasklist.Chromium;
import jp.iotcert.support.Pages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Applying on the portal in a real Chromium (ja-JP, Japan time) as provider1's staff do it, at a
 * desktop width (1,280 px) and a phone's (500 px): typing the form, choosing the registry certificate
 * (a PDF file on disk), an error shown next to its field with the value kept, then the confirmation
 * with the number and the fee, and the application in the list; nothing scrolls sideways.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
class PortalApplicationsBrowserIT {

  @LocalServerPort int port;

  private ChromeDriver browser;
  private Path pdf;

  @BeforeEach
  void start() throws Exception {
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
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

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void provider1AppliesAtDesktopWidth() throws Exception {
    apply(1280, "ブラウザ申請クラウド", "portal-apply-1280");
  }

  @Test
  void provider1AppliesAtPhoneWidth() throws Exception {
    apply(500, "スマホ申請クラウド", "portal-apply-500");
  }

  private void apply(int width, String serviceName, String shot) throws Exception {
    browser.manage().window().setSize(new Dimension(width, 1000));
    login();
    browser.get(url("/portal/applications/new"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("認定の新規申請");
    assertThat(browser.findElement(By.cssSelector("label[for=provider-name]")).getText()).contains("事業者名");
    assertThat(browser.findElement(By.id("provider-corporateNumber")).getAttribute("value"))
        .isEqualTo(TestApplications.PROVIDER1_NUMBER);

    type("provider-name", "株式会社ブラウザ");
    type("provider-address", "東京都千代田区丸の内1-1-1");
    type("provider-representative", "代表 太郎");
    type("contact-name", "担当 花子");
    type("contact-email", "browser@provider"); // a typing mistake: no domain
    type("contact-phone", "03-1234-5678");
    type("service-name", serviceName);
    type("service-description", "IoT機器のデータを収集・可視化するクラウドサービス");
    type("disclosure-B-01", "2026-11-01");
    type("disclosure-B-05", "サービス開始 2020年4月");
    type("disclosure-B-09", "売上高 10億円");
    browser.findElement(By.id("withhold-B-09")).click();
    type("withholdReason-B-09", "非上場のため売上高は公表を控えたい");
    browser.findElement(By.id("registryCertificate")).sendKeys(pdf.toAbsolutePath().toString());
    readableWithoutSidewaysScrolling();
    navigate(browser.findElement(By.cssSelector("button[value=submit]")));

    // The mistake is shown next to its field, linked from the summary; the values typed are kept.
    WebElement summary = browser.findElement(By.id("error-summary"));
    assertThat(summary.findElements(By.tagName("a"))).extracting(WebElement::getText)
        .containsExactly("メールアドレスの形式が正しくありません");
    WebElement email = browser.findElement(By.id("contact-email"));
    assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(email.getAttribute("aria-describedby")).isEqualTo("contact-email-error");
    assertThat(browser.findElement(By.id("contact-email-error")).getText()).contains("メールアドレスの形式が正しくありません");
    assertThat(browser.findElement(By.id("service-name")).getAttribute("value")).isEqualTo(serviceName);
    assertThat(browser.findElement(By.id("withhold-B-09")).isSelected()).isTrue();
    assertThat(summary.getText()).contains("添付ファイルは保存されていません");
    readableWithoutSidewaysScrolling();
    screenshot(shot + "-error");

    email.clear();
    email.sendKeys("browser@provider.example.jp");
    browser.findElement(By.id("registryCertificate")).sendKeys(pdf.toAbsolutePath().toString());
    navigate(browser.findElement(By.cssSelector("button[value=submit]")));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("申請を受け付けました");
    String number = browser.findElement(By.id("application-number")).getText();
    assertThat(number).matches("A-\\d{4}-\\d{6}");
    assertThat(browser.findElement(By.id("fee-amount")).getText()).isEqualTo("100,000円");
    assertThat(browser.findElement(By.id("fee-due")).getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
    assertThat(browser.findElement(By.id("payment-instructions")).getText()).contains("お振り込みください");
    readableWithoutSidewaysScrolling();
    screenshot(shot + "-submitted");

    navigate(browser.findElement(By.linkText("申請一覧へ")));
    WebElement row = browser.findElements(By.cssSelector("#applications tbody tr")).stream()
        .filter(r -> r.getText().contains(number)).findFirst().orElseThrow();
    assertThat(row.getText()).contains(serviceName, "新規", "手数料の納付 100,000円");
    readableWithoutSidewaysScrolling();
    screenshot(shot + "-list");

    navigate(row.findElement(By.linkText(number)));
    assertThat(browser.findElement(By.id("status")).getText()).contains("受付済み");
    assertThat(browser.findElement(By.id("documents")).getText()).contains(pdf.getFileName().toString());
    readableWithoutSidewaysScrolling();
  }

  private void login() {
    browser.get(url("/portal/login"));
    browser.findElement(By.id("username")).sendKeys("provider1");
    browser.findElement(By.id("password")).sendKeys("demo");
    navigate(browser.findElement(By.cssSelector("main form button[type=submit]")));
    assertThat(browser.getCurrentUrl()).endsWith("/portal/");
  }

  private void type(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Nothing is wider than the window (phones must not scroll sideways), the page has one h1, and
   * every text has at least 4.5:1 contrast against its background (WCAG 2.1 AA, as RegistryPagesBrowserIT).
   */
  private void readableWithoutSidewaysScrolling() {
    Pages.assertContrast(browser);
    Pages.assertNoSidewaysScroll(browser);
  }

  /**
   * Clicks and waits for the next page: a mark left on the old page's window is gone and the new page
   * has loaded (as RegistryPagesBrowserIT does).
   */
  private void navigate(WebElement control) {
    Pages.navigate(browser, control);
  }

  /** A full-page PNG in target/screenshots for a person to look at (not compared). */
  private void screenshot(String name) throws Exception {
    Pages.screenshot(browser, name);
  }
}
