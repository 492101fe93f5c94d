package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * The manager's Cockpit dashboard plugin 「今後の期限（4週間）」 (app/cockpit/scripts/due-work.js): manager1
 * logs in to Cockpit and sees a prepared application's fee reminder and its overdue completeness check,
 * in Japan time, with the provider's name as text (an applicant's markup stays text), the overdue one
 * marked 期限切れ, and a link to the process instance. The administrator, who may open Cockpit but not
 * the due list (/api rules: managers and staff), sees the refusal in Japanese and no entry.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
class DueWorkBrowserIT {

  private static final String HOSTILE = "<img src=x onerror=\"window.__iotcertXss=1\">株式会社期限";
  private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd（E） HH:mm", Locale.JAPANESE);

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

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
      Files.write(Path.of("target", "due-work-screenshot.png"), browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  @Test
  void theManagerSeesWhatIsDueInCockpitAndOthersAreRefused() {
    ApplicationRequest base = TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER, "期限表示サービス",
        TestApplications.fullDisclosure(catalogue));
    ApplicationRequest request = new ApplicationRequest(base.type(), base.certificationNumber(), base.channel(),
        new ApplicationRequest.Provider(base.provider().corporateNumber(), HOSTILE, base.provider().address(),
            base.provider().representative()), base.contact(), base.service(), base.disclosure(), base.withheldItems(),
        base.markUseDeclaration(), base.receivedOn());
    String no = applications.submit(request, TestApplications.registryCertificate(), List.of()).applicationNumber();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).singleResult();
    // The completeness check was due at the start of today: overdue.
    Task check = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    check.setDueDate(Date.from(LocalDate.now(BusinessCalendar.ZONE).atStartOfDay(BusinessCalendar.ZONE).toInstant()));
    taskService.saveTask(check);
    Job reminder = managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_FeeReminder")
        .singleResult();
    assertThat(reminder).as("the fee reminder waits").isNotNull();

    login("manager1");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".iotcert-due-work .iotcert-due-title"),
        "今後の期限（4週間）"));
    // Read the rows in one go: the dashboard may render its plugins again at any time.
    List<Map<String, Object>> rows = wait.until(d -> {
      List<Map<String, Object>> found = rows(no);
      return found.size() >= 2 ? found : null;
    });

    Map<String, Object> overdue = rows.stream().filter(r -> "タスク期限".equals(r.get("kind"))).findFirst().orElseThrow();
    assertThat((String) overdue.get("cls")).contains("iotcert-overdue");
    assertThat((String) overdue.get("due")).contains("期限切れ")
        .startsWith(JAPAN_TIME.format(check.getDueDate().toInstant().atZone(BusinessCalendar.ZONE)));
    assertThat((String) overdue.get("what")).contains("申請書類を確認する");

    Map<String, Object> fee = rows.stream().filter(r -> "手数料の督促".equals(r.get("kind"))).findFirst().orElseThrow();
    assertThat((String) fee.get("cls")).doesNotContain("iotcert-overdue");
    ZonedDateTime due = reminder.getDuedate().toInstant().atZone(BusinessCalendar.ZONE);
    assertThat(fee.get("due")).isEqualTo(JAPAN_TIME.format(due));
    // The applicant's markup is text: shown as typed, never an element, never run.
    assertThat(fee.get("provider")).isEqualTo(HOSTILE);
    assertThat(fee.get("caseText")).isEqualTo(no);
    assertThat(fee.get("href")).isEqualTo("#/process-instance/" + pi.getId() + "/runtime");
    assertThat(browser.findElements(By.cssSelector(".iotcert-due-work img"))).isEmpty();
    assertThat(browser.executeScript("return window.__iotcertXss === undefined")).isEqualTo(true);
    assertThat(browser.findElement(By.cssSelector(".iotcert-due-work")).getText())
        .doesNotContain("Timer_").doesNotContain("undefined").doesNotContain("null");

    // The case number opens the process instance in Cockpit.
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(By.cssSelector(".iotcert-due-work tr[data-business-key='" + no + "'] .iotcert-case a")).click();
      return true;
    });
    wait.until(ExpectedConditions.urlContains("/process-instance/" + pi.getId()));

    // The administrator opens Cockpit but may not read the due list: refused in Japanese, no entry.
    browser.manage().deleteAllCookies();
    login("demo");
    WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".iotcert-due-work .iotcert-due-refused")));
    assertThat(refused.getText()).isEqualTo("期限一覧は認定機関責任者と事務局だけが表示できます。");
    assertThat(browser.findElements(By.cssSelector(".iotcert-due-work tr[data-business-key]"))).isEmpty();
  }

  /** The plugin's rows of one case, as the user reads them. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String businessKey) {
    return (List<Map<String, Object>>) browser.executeScript("""
        return [...document.querySelectorAll('.iotcert-due-work tr[data-business-key]')]
          .filter(r => r.getAttribute('data-business-key') === arguments[0])
          .map(r => ({cls: r.className, kind: r.querySelector('.iotcert-kind').innerText.trim(),
            due: r.querySelector('.iotcert-due-at').innerText.trim(),
            provider: r.querySelector('.iotcert-provider').innerText.trim(),
            what: r.querySelector('.iotcert-what').innerText.trim(),
            caseText: r.querySelector('.iotcert-case').innerText.trim(),
            href: r.querySelector('.iotcert-case a') && r.querySelector('.iotcert-case a').getAttribute('href')}));""",
        businessKey);
  }

  private void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    Webapps.signIn(browser, user);
    wait.until(d -> !d.getCurrentUrl().contains("/login"));
  }
}
