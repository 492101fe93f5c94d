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
import jp.iotcert.oversight.InvestigationProcess;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Date fields of Camunda Forms in Tasklist, typed as people type (scripts/japanese-forms.js): staff
 * start an investigation (第15条) whose 提出期限 is a date field. A missing date is reported in Japanese
 * (form-js's "Field is required." translated); an unreadable date and a past date are refused with a
 * Japanese message and nothing starts; 2026/12/10 and 2026-12-10 style input is stored as exactly
 * that date (yyyy-MM-dd); the calendar is Japanese and starts on Sunday.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class DateFieldBrowserIT {

  private static final String UNREADABLE = "日付を読み取れません。2026/12/10 のように年/月/日で入力してください。";
  private static final String PASSED = "今日より前の日付は指定できません。";
  private static final String REQUIRED = "入力してください。";
  private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired CertificationService certifications;
  @Autowired TransactionTemplate transactions;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  private ChromeDriver browser;
  private Path profile;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    browser = Chromium.start(profile);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "date-field-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void datesAreTypedInJapaneseFormatsStoredAsTypedAndUnreadableOnesRefusedInJapanese() throws Exception {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    String first = certification("日付入力確認サービス一");
    String second = certification("日付入力確認サービス二");
    login("staff1");

    // 2026/12/10 as people type it: shown so, stored as exactly that date; the calendar is Japanese.
    openStartForm(first);
    WebElement date = browser.findElement(dateField("提出期限"));
    assertThat(date.getAttribute("placeholder")).isEqualTo("例: 2026/12/10");
    click(date);
    List<WebElement> weekdays = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
        By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")));
    assertThat(weekdays.get(0).getText().strip()).as("Sunday first").startsWith("日");
    assertThat(browser.findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-weekdays")).getText())
        .contains("月").contains("土").doesNotContain("Sun").doesNotContain("Mon");
    String month = (String) browser.executeScript(
        "const s = document.querySelector('.flatpickr-calendar.open .flatpickr-monthDropdown-months');"
            + "return s ? s.options[s.selectedIndex].text : document.querySelector('.flatpickr-calendar.open .cur-month').textContent;");
    assertThat(month.strip()).isEqualTo(today.getMonthValue() + "月");
    LocalDate deadline = today.plusDays(10);
    date = type(deadline.format(SLASHED));
    assertThat(date.getAttribute("value")).isEqualTo(deadline.format(SLASHED));
    diagnoseAndStart(first);
    assertThat(started(first).getValue()).isEqualTo(deadline.toString());

    openStartForm(second);
    // No date: form-js's required message, in Japanese.
    clickText("開始");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(errorOf("提出期限"), REQUIRED));
    assertThat(body()).doesNotContain("Field is required");

    // Unreadable and impossible dates: refused in Japanese, the text stays, nothing starts.
    for (String typed : List.of("2026/13/45", "来週の金曜日", "2027/02/30")) {
      date = type(typed);
      assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(refusalOf("提出期限"))).getText())
          .as(typed).isEqualTo(UNREADABLE);
      assertThat(date.getAttribute("value")).as("the typed text is kept, not another date").isEqualTo(typed);
      tryToStart();
      Thread.sleep(1500);
      assertThat(started(second)).as("nothing starts with %s", typed).isNull();
      assertThat(body()).contains(UNREADABLE).doesNotContain("ENGINE-");
    }
    // A past date is refused with a message, not silently cleared.
    String yesterday = today.minusDays(1).format(SLASHED);
    date = type(yesterday);
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(refusalOf("提出期限"))).getText()).isEqualTo(PASSED);
    assertThat(date.getAttribute("value")).isEqualTo(yesterday);

    // 2026-12-11 likewise, shown in the form's own format.
    LocalDate later = today.plusDays(11);
    type(later.toString());
    wait.until(ExpectedConditions.invisibilityOfElementLocated(refusalOf("提出期限")));
    wait.until(d -> browser.findElement(dateField("提出期限")).getAttribute("value").equals(later.format(SLASHED)));
    diagnoseAndStart(second);
    assertThat(started(second).getValue()).isEqualTo(later.toString());
  }

  /**
   * Typed with the calendar still open, then one click on 開始: the press closes the calendar, the
   * form shrinks and the button moves before the release; the one click still starts the process
   * with the typed date (japanese-forms.js completes the press as the button's click).
   */
  @Test
  void oneClickOnStartWithTheCalendarOpenStartsWithTheTypedDate() throws Exception {
    LocalDate deadline = LocalDate.now(BusinessCalendar.ZONE).plusDays(14);
    String number = certification("日付入力確認サービス三");
    login("staff1");
    openStartForm(number);
    WebElement date = browser.findElement(dateField("提出期限"));
    click(date);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    date.sendKeys(deadline.format(SLASHED));
    assertThat(browser.findElements(By.cssSelector(".flatpickr-calendar.open"))).as("calendar still open").isNotEmpty();

    browser.findElement(By.xpath("//button[normalize-space(.)='開始']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> started(number) != null);
    assertThat(started(number).getValue()).isEqualTo(deadline.toString());
  }

  private void diagnoseAndStart(String certificationNumber) {
    browser.executeScript("window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));"
        + "window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));");
    clickText("開始");
    try {
      new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> started(certificationNumber) != null);
    } catch (RuntimeException e) {
      System.err.println("DIAG " + browser.executeScript("return JSON.stringify({refused: document.querySelectorAll('[data-iotcert-refused]').length,"
          + " errors: [...document.querySelectorAll('.fjs-form-field-error')].map(e => e.textContent), js: window.__errors,"
          + " notes: document.querySelector('.notifications') && document.querySelector('.notifications').textContent})"));
      throw e;
    }
  }

  private String certification(String service) {
    Application application = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
        service, TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of());
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    return transactions.execute(s -> certifications.certify(new CertificationService.NewCertification(
        application.applicationNumber(), TestApplications.PROVIDER1_NUMBER, "株式会社テスト", service, "説明",
        null, today, today, "[]", "[]"))).certificationNumber();
  }

  /** The deadline variable of the investigation started on the certification, or null. */
  private HistoricVariableInstance started(String certificationNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(InvestigationProcess.KEY)
        .processInstanceBusinessKey(certificationNumber).list().stream()
        .map(p -> historyService.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
            .variableName(InvestigationProcess.INVESTIGATION_DEADLINE).singleResult())
        .findFirst().orElse(null);
  }

  private void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, user);
  }

  private void openStartForm(String certificationNumber) {
    // The previous start dialog must be gone first: while it fades out its 開始 and fields are still in
    // the page, first in document order, and a click or a wait would find them instead of the new ones.
    wait.until(d -> d.findElements(By.xpath("//button[normalize-space(.)='開始']")).isEmpty());
    clickText("プロセスを開始");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='調査']"))));
    wait.until(ExpectedConditions.presenceOfElementLocated(formField("認定番号"))).sendKeys(certificationNumber);
    browser.findElement(formField("調査の理由")).sendKeys("利用者からの苦情");
    browser.findElement(formField("事業者に求める説明・資料")).sendKeys("認定マークの掲載箇所の一覧");
    // the script has configured the date field
    wait.until(d -> "例: 2026/12/10".equals(d.findElement(dateField("提出期限")).getAttribute("placeholder")));
  }

  /** Replaces the date field's text as a person would (select all, type, Tab). */
  private WebElement type(String text) {
    WebElement date = browser.findElement(dateField("提出期限"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", date);
    date.click();
    date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    date.sendKeys(text, Keys.TAB);
    return date;
  }

  /** Clicks 開始 if it can be clicked (Tasklist disables it while form-js reports an error). */
  private void tryToStart() {
    WebElement start = browser.findElement(By.xpath("//button[normalize-space(.)='開始']"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", start);
    if (start.isEnabled()) {
      start.click();
    }
  }

  private String body() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static By formField(String label) {
    return By.xpath("//label[contains(.,'" + label + "')]/ancestor::*[contains(@class,'fjs-form-field')]"
        + "//*[self::input or self::textarea]");
  }

  private static By dateField(String label) {
    return By.xpath("//label[contains(.,'" + label + "')]/ancestor::*[contains(@class,'fjs-form-field')][1]"
        + "//input[contains(@class,'fjs-input')]");
  }

  private static By errorOf(String label) {
    return By.xpath("//label[contains(.,'" + label + "')]/ancestor::*[contains(@class,'fjs-form-field')][1]"
        + "//*[contains(@class,'fjs-form-field-error') and not(contains(@class,'iotcert-date-refusal'))]");
  }

  private static By refusalOf(String label) {
    return By.xpath("//label[contains(.,'" + label + "')]/ancestor::*[contains(@class,'fjs-form-field')][1]"
        + "//*[contains(@class,'iotcert-date-refusal')]");
  }

  private void clickText(String text) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("(//button|//a)[normalize-space(.)='" + text + "']"))));
  }

  /** Scrolls the element to the middle first: Tasklist's footer covers the bottom of a long form. */
  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
