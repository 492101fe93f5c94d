package jp.iotcert.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.certification.CertificationStatus;
import jp.iotcert.common.BusinessCalendar;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The public registry in a real Chromium (ja-JP, Japan time), as the public and a provider's customer
 * use it: search and paging, an entry page with its in-force sentence, an ended certification's page,
 * a withheld item in neither the page source nor the CSV, a hostile service name shown as text, and
 * the pages at phone width without sideways scrolling.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
class RegistryPagesBrowserIT {

  private static final String XSS = "<script>alert(1)</script>";

  @LocalServerPort int port;
  @Autowired CertificationRegister register;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired ObjectMapper json;
  @Autowired TestRestTemplate http;

  private ChromeDriver browser;
  private RegistryFixtures fixtures;
  private final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);

  @BeforeEach
  void start() throws Exception {
    fixtures = new RegistryFixtures(register, catalogue, json);
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static String path(String number) {
    return "/registry/" + number.replace(" ", "%20");
  }

  @Test
  void searchFiltersAndPagesTheResultsWithLabelledFields() throws Exception {
    for (int i = 1; i <= 23; i++) {
      fixtures.insert(String.format("頁送りクラウド%02d", i), "株式会社ページ", CertificationStatus.VALID, today.minusDays(i), null);
    }
    fixtures.insert("頁送りクラウド終了", "株式会社ページ", CertificationStatus.TERMINATED, today.minusYears(1), today.minusDays(2));

    browser.get(url("/registry"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    assertThat(browser.findElement(By.cssSelector("label[for=q]")).getText()).isEqualTo("キーワード");
    assertThat(browser.findElement(By.cssSelector("label[for=status]")).getText()).isEqualTo("状態");
    assertThat(browser.findElement(By.cssSelector("label[for=sort]")).getText()).isEqualTo("並び順");
    // Half-width katakana typed, full-width found.
    browser.findElement(By.id("q")).sendKeys("ﾍﾟｰｼﾞ");
    new Select(browser.findElement(By.id("sort"))).selectByVisibleText("サービス名順");
    navigate(browser.findElement(By.cssSelector("form.search button")));

    assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("24件（1 / 2ページ）");
    assertThat(rows()).hasSize(20);
    assertContrast();
    shot("registry-search");
    assertThat(rows().get(0).findElement(By.cssSelector("td")).getText()).isEqualTo("頁送りクラウド01");
    navigate(browser.findElement(By.linkText("次のページ")));
    assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("24件（2 / 2ページ）");
    assertThat(rows()).hasSize(4);
    assertThat(browser.findElement(By.cssSelector("nav.pager [aria-current=page]")).getText()).isEqualTo("2");
    assertThat(browser.getPageSource()).contains("頁送りクラウド終了");

    new Select(browser.findElement(By.id("status"))).selectByVisibleText("終了");
    navigate(browser.findElement(By.cssSelector("form.search button")));
    assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("1件（1 / 1ページ）");
    assertThat(rows().get(0).getText()).contains("頁送りクラウド終了", "終了");
    navigate(rows().get(0).findElement(By.tagName("a")));
    assertThat(browser.findElement(By.id("verdict")).getText()).contains("終了したため", "有効ではありません（終了）");
  }

  /** WCAG 2.1 AA: every element with text has a contrast of at least 4.5:1 against its (nearest opaque) background. */
  private void assertContrast() {
    Pages.assertContrast(browser);
  }

  /** A full-page PNG in target/screenshots for a person to look at (not compared). */
  private void shot(String name) throws java.io.IOException {
    Pages.screenshot(browser, name);
  }

  /** Clicks what leads to another page and waits until the old page is gone. */
  /**
   * Clicks and waits for the next page: a mark left on the old page's window is gone and the new page
   * has loaded. (Waiting for the old element to go stale raced ChromeDriver: asked about a node of a
   * page being replaced, it answered an unknown error instead of "stale".)
   */
  private void navigate(WebElement control) {
    Pages.navigate(browser, control);
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#results tbody tr"));
  }

  @Test
  void anEntryInForceSaysSoAtTheTopAndTheWithheldItemIsNowhere() throws Exception {
    String no = fixtures.insert("有効確認クラウドＢＲ", "株式会社確認", CertificationStatus.VALID, today.minusDays(40), null);

    browser.get(url(path(no)));

    WebElement verdict = browser.findElement(By.id("verdict"));
    assertThat(verdict.getText()).isEqualTo("この認定は本日（" + today.getYear() + "年" + today.getMonthValue() + "月"
        + today.getDayOfMonth() + "日）有効です。");
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("有効確認クラウドＢＲ", no);
    assertThat(browser.findElements(By.cssSelector("#disclosure thead th[scope=col]"))).hasSize(4);
    assertThat(browser.findElement(By.id("disclaimer-heading")).getText()).isEqualTo("免責事項（運用規程第21条）");
    assertThat(browser.getPageSource()).doesNotContain(RegistryFixtures.WITHHELD_VALUE);
    assertContrast();
    shot("registry-entry");

    byte[] csv = http.getForObject(URI.create(url("/registry.csv?q=" + no.replace(" ", "%20"))), byte[].class);
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).contains(no, "有効確認クラウドＢＲ").doesNotContain(RegistryFixtures.WITHHELD_VALUE);
  }

  @Test
  void anExpiredCertificationKeepsItsPageAndSaysItIsNotInForce() throws Exception {
    LocalDate certified = today.minusYears(3).minusDays(10);
    String no = fixtures.insert("満了確認クラウドＢＲ", "株式会社満了", CertificationStatus.EXPIRED, certified,
        jp.iotcert.certification.Validity.lastDay(certified).plusDays(1));

    browser.get(url(path(no)));

    assertThat(browser.findElement(By.id("verdict")).getText()).contains("満了したため", "有効ではありません（有効期間満了）");
    assertThat(browser.findElement(By.id("history")).getText()).contains("認定", "有効期間満了");
    assertContrast();
    shot("registry-expired");
  }

  @Test
  void aHostileServiceNameIsShownAsText() {
    String no = fixtures.insert(XSS + "ＢＸ", "株式会社<img src=x onerror=alert(2)>", CertificationStatus.VALID,
        today.minusDays(3), null);

    browser.get(url(path(no)));
    assertThat(browser.findElement(By.cssSelector("h1 span")).getText()).isEqualTo(XSS + "ＢＸ");
    assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
    browser.get(url("/registry?q=%EF%BC%A2%EF%BC%B8")); // ＢＸ
    assertThat(rows().get(0).getText()).contains(XSS + "ＢＸ");
    assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
  }

  @Test
  void atPhoneWidthNothingScrollsSideways() throws Exception {
    // A long word without break opportunities (as a URL or a code in a name) must wrap, not widen the page.
    String no = fixtures.insert("スマートフォン表示確認用IoTクラウドＳＰ_" + "LongServiceIdentifierWithoutSpaces".repeat(4), "株式会社スマホ",
        CertificationStatus.VALID, today.minusDays(3), null);
    browser.manage().window().setSize(new Dimension(375, 800));

    for (String page : List.of(path(no), "/registry?q=%E3%82%B9%E3%83%9E%E3%83%9B", "/registry")) {
      browser.get(url(page));
      long inner = (Long) browser.executeScript("return window.innerWidth;");
      long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
      assertThat(inner).as("the window is phone-wide").isLessThanOrEqualTo(400);
      assertThat(scroll).as("no sideways scroll on %s", page).isLessThanOrEqualTo(inner);
      shot("registry-phone-" + (page.startsWith("/registry/") ? "entry" : page.contains("q=") ? "search" : "all"));
    }
  }
}
