package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.TaskService;
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

/**
 * Tasklist's own 「期限日」 picker in the task header, in Japanese (scripts/japanese-datepicker.js):
 * staff1 opens the completeness check of a new application, opens the due-date picker and sees the
 * month as 2026年12月 and the weekdays 日 月 火 水 木 金 土 starting on Sunday, without week numbers or
 * English; picks the 15th at 17:00 and the task's due date, read through TaskService, is that moment
 * in Japan time. The header then shows the date as Japanese read it.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class TaskDatePickerBrowserIT {

  private static final By PICKER = By.cssSelector("[cam-widget-inline-field] ~ * .uib-datepicker, .uib-datepicker");

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() throws Exception {
    if (browser != null) {
      Files.write(Path.of("target", "task-date-picker-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void theDueDatePickerIsJapaneseAndStoresTheDayAndTimePicked() {
    String no = applications.submit(TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, "期限日設定サービス",
        TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of()).applicationNumber();
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(no).singleResult();
    YearMonth month = YearMonth.from(task.getDueDate().toInstant().atZone(BusinessCalendar.ZONE));

    login("staff1");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'グループのタスク')]"))));
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(),'申請書類を確認する')]"))));
    click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-tasklist-task-meta] .due-date"))));

    WebElement picker = wait.until(ExpectedConditions.visibilityOfElementLocated(PICKER));
    assertThat(picker.findElement(By.cssSelector(".uib-title")).getText().strip())
        .isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月");
    List<String> weekdays = picker.findElements(By.cssSelector("thead tr:nth-child(2) th small")).stream()
        .map(e -> e.getText().strip()).toList();
    assertThat(weekdays).as("Sunday first").containsExactly("日", "月", "火", "水", "木", "金", "土");
    assertThat(picker.findElements(By.cssSelector("tbody em"))).as("no week numbers").isEmpty();
    assertThat(picker.getText()).doesNotContain("Sun").doesNotContain("Mon").doesNotContain("previous")
        .doesNotContain(month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));

    // The 15th of that month at 17:00.
    click(picker.findElement(By.xpath(".//td[contains(@class,'uib-day')]//button[not(descendant::span[contains(@class,"
        + "'text-muted')]) and normalize-space(.)='15']")));
    WebElement hours = browser.findElement(By.cssSelector(".uib-timepicker input[ng-model='hours'], input[ng-model='hours']"));
    assertThat(hours.getAttribute("placeholder")).isEqualTo("時");
    hours.sendKeys(Keys.chord(Keys.CONTROL, "a"), "17", Keys.TAB);
    WebElement minutes = browser.findElement(By.cssSelector("input[ng-model='minutes']"));
    minutes.sendKeys(Keys.chord(Keys.CONTROL, "a"), "00", Keys.TAB);
    LocalDateTime picked = month.atDay(15).atTime(17, 0);
    String preview = picked.getYear() + "年" + picked.getMonthValue() + "月15日 17:00";
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasklist-task-meta] .due-date .preview"),
        preview));
    click(browser.findElement(By.xpath("//span[contains(@class,'btn-group')]//button[.//span[contains(@class,"
        + "'glyphicon-ok')]]")));

    wait.until(d -> {
      Task saved = taskService.createTaskQuery().taskId(task.getId()).singleResult();
      return saved.getDueDate() != null && !saved.getDueDate().equals(task.getDueDate());
    });
    ZonedDateTime stored = taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate().toInstant()
        .atZone(BusinessCalendar.ZONE);
    assertThat(stored.toLocalDateTime()).isEqualTo(picked);

    // The header shows the new due date as Japanese read it (in its tooltip, the full date).
    WebElement due = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[cam-tasklist-task-meta] .due-date [am-time-ago]")));
    assertThat(due.getText()).doesNotContainPattern("[A-Za-z]");
    assertThat(due.getAttribute("uib-tooltip")).contains(picked.getYear() + "年" + picked.getMonthValue() + "月15日")
        .contains("17:00");
  }

  private void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    Webapps.signIn(browser, user);
  }

  private void click(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }
}
