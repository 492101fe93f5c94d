package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.application.Application;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.certification.CertificationService;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.inspection.InspectionProcess;
import jp.iotcert.oversight.InvestigationProcess;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Date fields of Camunda Forms in Tasklist, typed as people type (scripts/japanese-forms.js): staff
 * start an investigation (第15条) whose 提出期限 is a date field. A missing date is reported in Japanese
 * (form-js's "Field is required." translated); an unreadable date and a past date are refused with a
 * Japanese message and nothing starts; every accepted way of writing a date (2026/12/10, 2026-12-10,
 * 2026年12月10日, 令和8年12月10日, full-width digits) is stored as exactly that date (yyyy-MM-dd); the
 * calendar is Japanese and starts on Sunday. The same in a task form completed with 完了: the
 * inspection date of 「実地調査の日程を調整する」.
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
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

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

  /**
   * The other ways people write a date: with 年月日, in the Japanese calendar (令和), and with
   * full-width digits as a Japanese input method types them. Each is shown in the form's own
   * format and stored as the date meant.
   */
  @Test
  void datesWrittenInJapaneseStyleAreStoredAsTheDateMeant() throws Exception {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    LocalDate inKanji = today.plusDays(10);
    LocalDate inReiwa = today.plusDays(20);
    LocalDate inFullWidth = today.plusDays(30);
    Map<String, LocalDate> typed = new LinkedHashMap<>();
    typed.put(inKanji.getYear() + "年" + inKanji.getMonthValue() + "月" + inKanji.getDayOfMonth() + "日", inKanji);
    typed.put(reiwa(inReiwa), inReiwa);
    typed.put(fullWidth(inFullWidth.format(SLASHED)), inFullWidth);
    Map<String, String> numbers = new LinkedHashMap<>();
    int n = 0;
    for (String text : typed.keySet()) {
      numbers.put(text, certification("日付表記確認サービス" + (++n)));
    }
    login("staff1");
    for (Map.Entry<String, LocalDate> entry : typed.entrySet()) {
      String number = numbers.get(entry.getKey());
      openStartForm(number);
      WebElement date = type(entry.getKey());
      wait.until(d -> date.getAttribute("value").equals(entry.getValue().format(SLASHED)));
      assertThat(browser.findElements(refusalOf("提出期限"))).as(entry.getKey())
          .allSatisfy(refusal -> assertThat(refusal.isDisplayed()).isFalse());
      diagnoseAndStart(number);
      assertThat(started(number).getValue()).as(entry.getKey()).isEqualTo(entry.getValue().toString());
    }
  }

  /**
   * A task form's date: staff schedule an on-site inspection (第6条第3項). An impossible date is
   * refused in Japanese and 完了 completes nothing; the date typed in the Japanese calendar is then
   * accepted and 完了 stores it as the inspection date.
   */
  @Test
  void aTaskFormsDateIsTypedAndStoredWhenTheTaskIsCompleted() throws Exception {
    LocalDate inspection = LocalDate.now(BusinessCalendar.ZONE).plusDays(21);
    Task task = atScheduleInspection("実地調査日付確認サービス");
    login("staff1");
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    wait.until(ExpectedConditions.presenceOfElementLocated(dateField("実施日")));
    clickText("引き受ける");
    wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).taskAssignee("staff1").count() == 1);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(d -> "例: 2026/12/10".equals(d.findElement(dateField("実施日")).getAttribute("placeholder")));
    browser.findElement(formField("場所")).sendKeys("本社（東京都千代田区）");
    browser.findElement(formField("調査員")).sendKeys("審査 花子");

    String impossible = inspection.getYear() + "/02/30";
    WebElement date = type("実施日", impossible);
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(refusalOf("実施日"))).getText())
        .isEqualTo(UNREADABLE);
    assertThat(date.getAttribute("value")).isEqualTo(impossible);
    WebElement complete = browser.findElement(By.xpath("//button[normalize-space(.)='完了']"));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    if (complete.isEnabled()) {
      complete.click();
    }
    Thread.sleep(1500);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
    assertThat(body()).contains(UNREADABLE).doesNotContain("ENGINE-");

    date = type("実施日", reiwa(inspection));
    WebElement shown = date;
    wait.until(d -> shown.getAttribute("value").equals(inspection.format(SLASHED)));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(refusalOf("実施日")));
    clickText("完了");
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(InspectionProcess.INSPECTION_DATE).singleResult().getValue()).isEqualTo(inspection.toString());
  }

  /** 令和8年12月10日 (令和1年 is 2019). */
  private static String reiwa(LocalDate date) {
    return "令和" + (date.getYear() - 2018) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** The text with full-width digits (２０２６/１２/１０), as a Japanese input method types them. */
  private static String fullWidth(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
    }
    return out.toString();
  }

  /** A new application at 「実地調査の日程を調整する」: complete, paid, reviewed 適合 with an inspection. */
  private Task atScheduleInspection(String service) {
    String no = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, service,
        TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of())
        .applicationNumber();
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true,
        ApplicationProcess.CORPORATION_VERIFIED, true));
    applications.pay(no, new ApplicationService.PaymentRequest(100_000L, LocalDate.now(BusinessCalendar.ZONE),
        "PAY-" + no));
    Jobs.runDue(runtimeService, managementService, no);
    complete(no, "Task_ReviewApplication", TestApplications.judged(Map.of(ApplicationProcess.REVIEW_RESULT,
        "CONFORMING", ApplicationProcess.REVIEW_FINDINGS, "適合", ApplicationProcess.CONFORMING_ITEMS,
        catalogue.all().stream().map(DisclosureItem::itemId).toList(), ApplicationProcess.INSPECTION_REQUIRED, true,
        ApplicationProcess.COMMITTEE_REQUIRED, false)));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_ScheduleInspection")
        .singleResult();
    assertThat(task).as("%s waits at 実地調査の日程を調整する", no).isNotNull();
    return task;
  }

  private void complete(String no, String key, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey(key)
        .singleResult().getId(), variables);
    Jobs.runDue(runtimeService, managementService, no);
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

  /** Replaces the 提出期限 field's text as a person would (select all, type, Tab). */
  private WebElement type(String text) {
    return type("提出期限", text);
  }

  private WebElement type(String label, String text) {
    WebElement date = browser.findElement(dateField(label));
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
