package jp.iotcert.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 「認定」 of the portal in a real Chromium (ja-JP, Japan time) as provider1, at 1,280 px and at 500 px:
 * the list, the certification's page with the renewal window's days left and the renewal button, a
 * refused notification with its errors next to the fields, then a change notified with the date typed
 * as 2026/12/10 (and the calendar picker writing the same form), nothing scrolling sideways.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
class PortalCertificationsBrowserIT {

  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired CertificationService certifications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  private final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** provider1's certification whose renewal window is open: last day in 44 days, window closes in 14. */
  private String certification(String service) {
    Application application = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        service, TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of());
    LocalDate certifiedOn = today.minusYears(2).plusDays(45);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(
        application.applicationNumber(), TestApplications.PROVIDER1_NUMBER, "株式会社テスト", service, "説明", null,
        certifiedOn, certifiedOn, "[{\"itemId\":\"B-16\",\"value\":\"IoT機器のデータを可視化するサービス\"}]", "[]")))
        .certificationNumber();
  }

  @Test
  void atDesktopWidth() throws Exception {
    browser.manage().window().setSize(new Dimension(1280, 900));
    openRenewNotify(certification("ブラウザ確認クラウドＤ"), "desktop");
  }

  @Test
  void atPhoneWidth() throws Exception {
    browser.manage().window().setSize(new Dimension(500, 900));
    openRenewNotify(certification("ブラウザ確認クラウドＰ"), "phone");
  }

  private void openRenewNotify(String no, String shotName) throws Exception {
    browser.get(url("/portal/certifications"));
    browser.findElement(By.id("username")).sendKeys("provider1");
    browser.findElement(By.id("password")).sendKeys("demo");
    navigate(browser.findElement(By.cssSelector("form.stacked button[type=submit]")));
    // Back on the page that asked for the login (Spring Security marks it with ?continue).
    assertThat(browser.getCurrentUrl()).contains("/portal/certifications");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("認定");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    noSidewaysScroll();
    assertContrast();
    shot("portal-certifications-" + shotName);

    navigate(browser.findElement(By.linkText(no)));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("ブラウザ確認クラウド", no);
    assertThat(browser.findElement(By.id("renewal")).getText()).contains("更新申請を受け付けています", "締切まであと14日です。");
    assertThat(browser.findElement(By.id("validity")).getText()).contains("最終日まであと44日");
    assertThat(browser.findElement(By.id("renew")).getText()).isEqualTo("更新を申請する");
    assertThat(browser.findElement(By.id("renew")).getAttribute("href"))
        .endsWith("/portal/applications/new?renewalOf=" + no.replace(" ", "%20"));
    noSidewaysScroll();
    assertContrast();
    shot("portal-certification-" + shotName);

    navigate(browser.findElement(By.id("notify")));
    // Refused: errors next to their fields, the typed values kept.
    browser.findElement(By.id("description")).sendKeys("規程集を改訂しました。");
    navigate(browser.findElement(By.id("submit")));
    assertThat(browser.findElement(By.id("kind-error")).getText()).isEqualTo("届出の種類を選んでください");
    assertThat(browser.findElement(By.id("occurredOn-error")).getText()).isEqualTo("発生日を入力してください");
    assertThat(browser.findElement(By.id("occurredOn")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.findElement(By.id("description")).getAttribute("value")).isEqualTo("規程集を改訂しました。");
    noSidewaysScroll();
    assertContrast();
    shot("portal-notification-errors-" + shotName);

    // The calendar picker writes the date in the typed form.
    WebElement occurredOn = browser.findElement(By.id("occurredOn"));
    browser.executeScript("const p = document.querySelector('input.date-picker'); p.value = arguments[0];"
        + "p.dispatchEvent(new Event('change'));", today.minusDays(2).toString());
    assertThat(occurredOn.getAttribute("value")).isEqualTo(today.minusDays(2).format(SLASHED));

    // Typed 2026/12/10-style (yesterday: an event is not in the future).
    LocalDate occurred = today.minusDays(1);
    occurredOn.clear();
    occurredOn.sendKeys(occurred.format(SLASHED));
    new Select(browser.findElement(By.id("kind"))).selectByVisibleText("書類の変更（第13条第1項第2号）");
    new Select(browser.findElement(By.id("changes0-itemId"))).selectByValue("B-16");
    browser.findElement(By.id("changes0-value")).sendKeys("IoT機器と設備のデータを可視化するサービス");
    navigate(browser.findElement(By.id("submit")));

    assertThat(browser.findElement(By.cssSelector("p.message.ok")).getText()).startsWith("書類の変更の届出を受け付けました。");
    assertThat(browser.getCurrentUrl()).endsWith("/portal/certifications/" + no.replace(" ", "%20"));
    assertThat(jdbc.sql("SELECT occurred_on FROM certification_notification WHERE certification_number = ?").param(no)
        .query(LocalDate.class).single()).isEqualTo(occurred);
    shot("portal-notified-" + shotName);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void noSidewaysScroll() {
    long inner = (Long) browser.executeScript("return window.innerWidth;");
    long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
    assertThat(scroll).as("no sideways scroll on %s", browser.getCurrentUrl()).isLessThanOrEqualTo(inner);
  }

  /** Clicks and waits until the next page has loaded (a mark on the old page's window is gone). */
  private void navigate(WebElement control) {
    Pages.navigate(browser, control);
  }

  /** WCAG 2.1 AA: text at 4.5:1 or more against its nearest opaque background; one h1. */
  private void assertContrast() {
    Pages.assertContrast(browser);
  }

  /** A full-page PNG in target/screenshots for a person to look at (not compared). */
  private void shot(String name) throws java.io.IOException {
    Pages.screenshot(browser, name);
  }
}
