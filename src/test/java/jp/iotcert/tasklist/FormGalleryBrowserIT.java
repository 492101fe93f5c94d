package jp.iotcert.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.iotcert.account.AccountTokens;
import jp.iotcert.account.RegistrationForm;
import jp.iotcert.account.Registrations;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.application.ApplicationService;
import jp.iotcert.catalogue.DisclosureCatalogue;
import jp.iotcert.catalogue.DisclosureItem;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationNotifications;
import jp.iotcert.certification.CertificationRegister;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.committee.CommitteeSelection;
import jp.iotcert.oversight.Emergencies;
import jp.iotcert.oversight.ImprovementRequests;
import jp.iotcert.oversight.Investigations;
import jp.iotcert.oversight.RevocationFacts;
import jp.iotcert.oversight.Revocations;
import jp.iotcert.support.Jobs;
import jp.iotcert.support.PortalAccounts;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every Camunda Form of forms/ as its user sees it in Tasklist at 1,280 px: cases are driven through
 * the processes with the services and the engine (as the process tests do) until each user task is
 * open, then each form is opened by the user who works it (and the two start forms staff use in
 * 「プロセスを開始」). For each form: every label that is not conditional is shown, nothing in the
 * form is in English (labels, buttons, form-js's validation messages after an empty 完了/開始), and the
 * form fits the pane without horizontal scrolling or cut-off text. A PNG of the whole task pane goes to
 * target/screenshots, and to docs/screenshots with {@code -Dscreenshots.update=true} (see
 * docs/screenshots/README.md).
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.generate-unique-process-engine-name=false", "iotcert.mail.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormGalleryBrowserIT {

  private static final String P1 = TestApplications.PROVIDER1_NUMBER;
  private static final String P2 = TestApplications.PROVIDER2_NUMBER;
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 900;
  private static final Path TARGET = Path.of("target", "screenshots");
  private static final Path DOCS = Path.of("docs", "screenshots");

  /** English that Tasklist or form-js show when a translation is missing. */
  private static final List<String> ENGLISH = List.of("Field is required", "Field must", "Value is not", "Submit",
      "Reset", "Complete", "Claim", "Unclaim", "Save", "Search", "Select", "No options", "Please select",
      "Form", "History", "Diagram", "Description", "Add", "Remove", "Clear", "Start", "Cancel", "Close",
      "mm/dd/yyyy", "Date", "Time", "required", "Loading", "Error");

  /** Three English words in a row: a sentence no Japanese form has. */
  private static final Pattern ENGLISH_PHRASE = Pattern.compile("[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}");

  /** A value's code shown instead of its Japanese name (NON_CONFORMING, EMERGENCY); abbreviations people use are fine. */
  private static final Pattern CODE = Pattern.compile("(?<![A-Za-z_])(?!(?:JSON|ISMS)(?![A-Za-z_]))[A-Z][A-Z_]{3,}(?![A-Za-z_])");

  @LocalServerPort int port;
  @Autowired ApplicationService applications;
  @Autowired DisclosureCatalogue catalogue;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired CommitteeSelection committee;
  @Autowired CertificationRegister register;
  @Autowired CertificationNotifications notifications;
  @Autowired Emergencies emergencies;
  @Autowired Investigations investigations;
  @Autowired ImprovementRequests improvements;
  @Autowired Revocations revocations;
  @Autowired Registrations registrations;
  @Autowired AccountTokens accountTokens;

  private ChromeDriver browser;
  private WebDriverWait wait;
  private String loggedIn;
  private final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
  /** form id → the open task that shows it (start forms: the process name in 「プロセスを開始」). */
  private final Map<String, Shot> shots = new LinkedHashMap<>();
  private final List<String> observations = new ArrayList<>();

  record Shot(String formId, String user, String taskId, String startProcessName) {}

  /**
   * A second picture of a form with one checkbox ticked, for a field the form shows only then (named
   * {@code <form>-<suffix>.png}): its label must appear.
   */
  record Ticked(String suffix, String checkbox, String revealed) {}

  private static final Map<String, Ticked> TICKED = Map.of("form-check-completeness", new Ticked("documents-complete",
      "提出書類（登記事項証明書ほか）を確認し、揃っている", "登記事項証明書で法人の実在を確認した"));

  @BeforeAll
  void casesAndBrowser() throws Exception {
    Files.createDirectories(TARGET);
    openEveryTask();
  }

  @AfterAll
  void stopBrowser() throws Exception {
    Files.write(TARGET.resolve("observations.txt"), observations);
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @Order(1)
  void everyFormOfTheModelsHasAnOpenTaskOrAStartForm() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      List<String> formIds = files.map(f -> f.getFileName().toString().replace(".form", "")).sorted().toList();
      assertThat(shots.keySet()).containsExactlyInAnyOrderElementsOf(formIds);
    }
  }

  @Test
  @Order(2)
  void everyFormIsJapaneseCompleteAndFitsThePaneAt1280() throws Exception {
    List<String> failures = new ArrayList<>();
    // by user: one login each
    for (Shot shot : shots.values().stream().sorted(Comparator.comparing(Shot::user)).toList()) {
      try {
        check(shot);
      } catch (AssertionError | RuntimeException e) {
        failures.add(shot.formId() + ": " + e.getMessage());
        if (browser != null) {
          Files.write(TARGET.resolve(shot.formId() + "-failure.png"), browser.getScreenshotAs(OutputType.BYTES));
        }
      }
    }
    assertThat(failures).as("forms that failed").isEmpty();
  }

  // --- the cases -----------------------------------------------------------------------------------

  private void openEveryTask() {
    // 第7条: with committee1 and committee2 declared interested in provider2, too few members remain.
    committee.declare("committee1", P2, Instant.now());
    committee.declare("committee2", P2, Instant.now());

    String check = submit(P1, "書類確認クラウド");
    task("form-check-completeness", "staff1", check, "Task_CheckCompleteness");

    String review = submit(P1, "審査対象クラウド");
    passCompletenessAndFee(review);
    task("form-review-application", "reviewer1", review, "Task_ReviewApplication");

    String schedule = submit(P1, "実地調査予定クラウド");
    passCompletenessAndFee(schedule);
    reviewConforming(schedule, true, false);
    task("form-schedule-inspection", "staff1", schedule, "Task_ScheduleInspection");

    String report = submit(P1, "実地調査報告クラウド");
    passCompletenessAndFee(report);
    reviewConforming(report, true, false);
    complete(report, "Task_ScheduleInspection", Map.of("inspectionDate", today.toString(),
        "inspectionLocation", "本社（東京都千代田区）", "inspectors", "審査 花子"));
    task("form-report-inspection", "reviewer1", report, "Task_ReportInspection");

    String arrange = submit(P2, "委員調整クラウド");
    passCompletenessAndFee(arrange);
    reviewConforming(arrange, false, true);
    task("form-arrange-committee", "staff1", arrange, "Task_ArrangeMembers");

    // committee3 declared an interest in provider1 (demo data): committee1 (chair) and committee2 sit.
    String opinion = submit(P1, "委員意見クラウド");
    passCompletenessAndFee(opinion);
    reviewConforming(opinion, false, true);
    shots.put("form-committee-opinion", new Shot("form-committee-opinion", "committee2",
        taskService.createTaskQuery().processInstanceBusinessKey(opinion).taskDefinitionKey("Task_GiveOpinion")
            .taskAssignee("committee2").singleResult().getId(), null));

    String consolidate = submit(P1, "意見取りまとめクラウド");
    passCompletenessAndFee(consolidate);
    reviewConforming(consolidate, false, true);
    for (Task t : taskService.createTaskQuery().processInstanceBusinessKey(consolidate)
        .taskDefinitionKey("Task_GiveOpinion").list()) {
      taskService.complete(t.getId(), Map.of("opinion", "FAVOURABLE", "opinionComment",
          "開示内容は審査基準に適合しており、認定して差し支えない。"));
    }
    Jobs.runDue(runtimeService, managementService, consolidate);
    task("form-consolidate-opinions", "committee1", consolidate, "Task_ConsolidateOpinions");

    String decide = submit(P1, "認定判断クラウド");
    passCompletenessAndFee(decide);
    reviewConforming(decide, false, false);
    task("form-decide-certification", "manager1", decide, "Task_DecideCertification");

    String change = certified("変更届出クラウド");
    transactions.executeWithoutResult(s -> notifications.receive(certification(change),
        new CertificationNotifications.Request("CRITERIA_CHANGE", today, "稼働率の実績値を更新しました",
            List.of(new CertificationNotifications.Change("B-21", "稼働率 99.95%（2026年実績）")), null, null),
        "provider2", false));
    Jobs.runDue(runtimeService, managementService, change);
    task("form-review-change", "staff1", change, "Task_ReviewChange");

    String split = certified("会社分割クラウド");
    transactions.executeWithoutResult(s -> notifications.receive(certification(split),
        new CertificationNotifications.Request("SPLIT", today, "会社分割により事業の一部を承継会社へ移します", null, false,
            null), "provider2", false));
    Jobs.runDue(runtimeService, managementService, split);
    task("form-review-notification", "staff1", split, "Task_ReviewNotification");

    String assess = certified("障害把握クラウド");
    transactions.executeWithoutResult(s -> emergencies.openByStaff(certification(assess),
        new Emergencies.NewEmergency(today, "報道で大規模な接続障害を把握"), "staff1"));
    Jobs.runDue(runtimeService, managementService, assess);
    task("form-assess-emergency", "staff1", assess, "Task_AssessEmergency");

    String progress = certified("障害経過クラウド");
    String progressId = transactions.execute(s -> emergencies.openByStaff(certification(progress),
        new Emergencies.NewEmergency(today, "データセンターの停電によるサービス停止"), "staff1"));
    complete(progress, "Task_AssessEmergency", Map.of("notifiedPromptly", true, "staffNote", "電話で通知あり"));
    transactions.executeWithoutResult(s -> emergencies.report(progress, progressId,
        "復旧作業中。原因は受電設備の故障。影響利用者は約1,200社。", "provider2"));
    Jobs.runDue(runtimeService, managementService, progress);
    task("form-review-emergency-report", "staff1", progress, "Task_ReviewEmergencyReport");

    String overdue = certified("報告遅延クラウド");
    transactions.executeWithoutResult(s -> emergencies.openByStaff(certification(overdue),
        new Emergencies.NewEmergency(today, "情報漏えいの疑い"), "staff1"));
    complete(overdue, "Task_AssessEmergency", Map.of("notifiedPromptly", false, "staffNote", "事業者から通知なし"));
    // Seven days without a report: a reminder; seven more: staff follow up (the timers, fired now).
    for (int i = 0; i < 4 && openTask(overdue, "Task_FollowUpOverdueReport") == null; i++) {
      fireTimers(overdue);
    }
    task("form-follow-up-emergency", "staff1", overdue, "Task_FollowUpOverdueReport");

    String delegated = certified("委託調査クラウド");
    String delegatedId = openInvestigation(delegated, "delegate1");
    explain(delegated, delegatedId);
    task("form-assess-explanation", "delegate1", delegated, "Task_AssessExplanation");

    String cost = certified("調査費用クラウド");
    explain(cost, openInvestigation(cost, null));
    complete(cost, "Task_AssessExplanation", Map.of("explanationSufficient", false, "assessmentNote", "現地で確認する"));
    complete(cost, "Task_ScheduleInspection", Map.of("inspectionDate", today.toString(), "inspectionLocation", "本社",
        "inspectors", "審査 花子"));
    complete(cost, "Task_ReportInspection", Map.of("inspectionResult", "NON_CONFORMING",
        "inspectionReport", "ログの保存期間が3か月で、開示内容（1年）と異なる"));
    task("form-record-inspection-cost", "staff1", cost, "Task_RecordInspectionCost");

    String outcome = certified("調査結果クラウド");
    explain(outcome, openInvestigation(outcome, null));
    complete(outcome, "Task_AssessExplanation", Map.of("explanationSufficient", true, "assessmentNote", "設定画面で確認"));
    task("form-decide-investigation", "staff1", outcome, "Task_DecideInvestigationOutcome");

    String verify = certified("改善確認クラウド");
    String verifyId = openImprovement(verify);
    transactions.executeWithoutResult(s -> improvements.report(verify, verifyId, "ログの保存期間を13か月に変更しました"));
    Jobs.runDue(runtimeService, managementService, verify);
    task("form-verify-improvement", "staff1", verify, "Task_VerifyImprovement");

    String propose = certified("改善未了クラウド");
    String proposeId = openImprovement(propose);
    transactions.executeWithoutResult(s -> improvements.report(propose, proposeId, "検討中です"));
    Jobs.runDue(runtimeService, managementService, propose);
    complete(propose, "Task_VerifyImprovement", Map.of("improved", false, "verificationNote", "改善されていない"));
    task("form-propose-revocation", "staff1", propose, "Task_ProposeRevocation");

    String revoke = certified("取消検討クラウド");
    openRevocation(revoke);
    task("form-decide-revocation", "manager1", revoke, "Task_DecideRevocation");

    String returned = certified("認定証返納クラウド");
    openRevocation(returned);
    complete(returned, "Task_DecideRevocation", Map.of("revocationDecision", "REVOKE",
        "revocationReasons", "認定マークを認定外のサービスに使用し、改善の要請にも従わなかった"));
    task("form-confirm-certificate-return", "staff1", returned, "Task_ConfirmCertificateReturn");

    // A company's account whose e-mail is confirmed (the mailed link's token issued here directly).
    registrations.register(new RegistrationForm(PortalAccounts.newCorporateNumber(), "株式会社ギャラリー確認",
        "画面 花子", "gallery@example.co.jp", "galleryuser", PortalAccounts.PASSWORD, PortalAccounts.PASSWORD), false);
    registrations.confirm(accountTokens.issue(AccountTokens.Purpose.CONFIRM, "galleryuser", "gallery@example.co.jp", null,
        null, java.time.Duration.ofHours(1)));
    task("form-confirm-account-binding", "staff1", "galleryuser", "Task_ConfirmAccountBinding");

    shots.put("form-open-emergency", new Shot("form-open-emergency", "staff1", null, "緊急事態への対応"));
    shots.put("form-open-investigation", new Shot("form-open-investigation", "staff1", null, "調査"));
  }

  private String submit(String corporateNumber, String serviceName) {
    String no = applications.submit(TestApplications.newApplication(corporateNumber, serviceName,
        TestApplications.fullDisclosure(catalogue)), TestApplications.registryCertificate(), List.of())
        .applicationNumber();
    Jobs.runDue(runtimeService, managementService, no);
    return no;
  }

  private void passCompletenessAndFee(String no) {
    complete(no, "Task_CheckCompleteness", Map.of(ApplicationProcess.DOCUMENTS_COMPLETE, true, ApplicationProcess.CORPORATION_VERIFIED, true));
    applications.pay(no, new ApplicationService.PaymentRequest(100_000L, today, "PAY-" + no));
    Jobs.runDue(runtimeService, managementService, no);
  }

  private void reviewConforming(String no, boolean inspection, boolean committeeRequired) {
    complete(no, "Task_ReviewApplication", TestApplications.judged(Map.of(ApplicationProcess.REVIEW_RESULT, "CONFORMING",
        ApplicationProcess.REVIEW_FINDINGS, "全項目について開示内容を確認し、審査基準に適合している。",
        ApplicationProcess.CONFORMING_ITEMS, catalogue.all().stream().map(DisclosureItem::itemId).toList(),
        ApplicationProcess.INSPECTION_REQUIRED, inspection, ApplicationProcess.COMMITTEE_REQUIRED, committeeRequired)));
  }

  /** A new application of provider2, certified today; returns the certification number. */
  private String certified(String serviceName) {
    String no = submit(P2, serviceName);
    passCompletenessAndFee(no);
    reviewConforming(no, false, false);
    complete(no, "Task_DecideCertification", Map.of(ApplicationProcess.DECISION, "CERTIFY",
        ApplicationProcess.DECISION_REASONS, "審査基準に適合"));
    String certificationNumber = jdbc.sql("SELECT certification_number FROM application WHERE application_number = ?")
        .param(no).query(String.class).single();
    Jobs.runDue(runtimeService, managementService, certificationNumber);
    return certificationNumber;
  }

  private Certification certification(String no) {
    return register.find(no).orElseThrow();
  }

  private String openInvestigation(String no, String delegate) {
    String id = transactions.execute(s -> investigations.open(certification(no), new Investigations.NewInvestigation(
        List.of("OPERATIONS"), "利用者からの苦情（ログが保存されていない）", "ログの保存状況の説明と設定画面の写し",
        today.plusDays(30), delegate), "staff1", null));
    Jobs.runDue(runtimeService, managementService, no);
    return id;
  }

  private void explain(String no, String id) {
    transactions.executeWithoutResult(s -> investigations.explain(no, id,
        "ログは13か月保存しています。設定画面の写しを添付します。", List.of(), List.of(), "provider2"));
    Jobs.runDue(runtimeService, managementService, no);
  }

  private String openImprovement(String no) {
    String id = transactions.execute(s -> improvements.open(certification(no), new ImprovementRequests.NewRequest(
        "ログの保存期間を1年以上にすること", today.plusDays(30), false), "staff1"));
    Jobs.runDue(runtimeService, managementService, no);
    return id;
  }

  private void openRevocation(String no) {
    transactions.executeWithoutResult(s -> revocations.open(certification(no),
        new RevocationFacts(false, false, true, false, false, false, true, false, false),
        "改善の要請に従わず、認定マークを認定外のサービスに使用した", "staff1"));
    Jobs.runDue(runtimeService, managementService, no);
  }

  private void fireTimers(String businessKey) {
    for (var pi : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      for (var job : managementService.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
        managementService.executeJob(job.getId());
      }
    }
    Jobs.runDue(runtimeService, managementService, businessKey);
  }

  private Task openTask(String businessKey, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .singleResult();
  }

  private void task(String formId, String user, String businessKey, String taskKey) {
    Task task = openTask(businessKey, taskKey);
    assertThat(task).as("%s waits at %s", businessKey, taskKey).isNotNull();
    shots.put(formId, new Shot(formId, user, task.getId(), null));
  }

  private void complete(String businessKey, String taskKey, Map<String, Object> variables) {
    taskService.complete(openTask(businessKey, taskKey).getId(), variables);
    Jobs.runDue(runtimeService, managementService, businessKey);
  }

  // --- the browser ---------------------------------------------------------------------------------

  private void check(Shot shot) throws Exception {
    login(shot.user());
    WebElement pane;
    if (shot.taskId() != null) {
      browser.get(base() + "#/?task=" + shot.taskId());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
      // Claim unless the task is already the user's (assigned tasks, e.g. a committee member's). Asked of
      // the engine, not of the page: on a loaded machine the header's 「引き受ける」 may render after the form.
      if (taskService.createTaskQuery().taskId(shot.taskId()).taskAssignee(shot.user()).count() == 0) {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='引き受ける']"))));
        wait.until(d -> taskService.createTaskQuery().taskId(shot.taskId()).taskAssignee(shot.user()).count() == 1);
      }
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
      pane = taskPane();
    } else {
      browser.get(base());
      click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(.,'プロセスを開始')]"))));
      click(wait.until(ExpectedConditions.elementToBeClickable(
          By.xpath("//a[normalize-space(.)='" + shot.startProcessName() + "']"))));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".modal .fjs-container .fjs-form-field")));
      pane = browser.findElement(By.cssSelector(".modal-content"));
    }
    Thread.sleep(500); // the form's Markdown and the date fields' script settle
    String form = browser.findElement(By.cssSelector(".fjs-container")).getText();

    for (String label : labels(shot.formId())) {
      assertThat(form).as("label shown").contains(label);
    }
    assertNoEnglish(shot.formId(), pane.getText());
    noteLooks(shot.formId(), form);
    // Tasklist re-renders the form once the claim is through: measure the settled layout.
    List<String> over = overflow();
    for (int i = 0; i < 3 && !over.isEmpty(); i++) {
      observations.add(shot.formId() + ": overflow before the layout settled: " + over);
      Thread.sleep(1000);
      over = overflow();
    }
    assertThat(over).as("horizontal overflow at %d px", WIDTH).isEmpty();

    String card = shot.taskId() != null ? cardOverflow() : null;
    if (card != null) {
      observations.add(shot.formId() + ": Tasklist card wider than its pane: " + card);
    }
    screenshot(shot.formId(), pane);
    Ticked ticked = TICKED.get(shot.formId());
    if (ticked != null) {
      By checkbox = By.xpath("//label[normalize-space(.)='" + ticked.checkbox() + "']//input[@type='checkbox']");
      click(browser.findElement(checkbox));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), ticked.revealed()));
      Thread.sleep(300);
      assertNoEnglish(shot.formId(), pane.getText());
      assertThat(overflow()).as("horizontal overflow at %d px with %s ticked", WIDTH, ticked.checkbox()).isEmpty();
      screenshot(shot.formId() + "-" + ticked.suffix(), pane);
      click(browser.findElement(checkbox)); // back as opened, for the empty 完了 below
      wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
          By.cssSelector(".fjs-container"), ticked.revealed())));
    }

    // An empty 完了/開始: form-js's messages (or the server's rule) in Japanese, nothing in English.
    clickText(shot.taskId() != null ? "完了" : "開始");
    wait.until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty()
        || !d.findElements(By.cssSelector(".notifications .alert, .notification")).isEmpty());
    Thread.sleep(300);
    List<String> messages = new ArrayList<>();
    for (WebElement error : browser.findElements(By.cssSelector(".fjs-form-field-error"))) {
      if (error.isDisplayed() && !error.getText().isBlank()) {
        messages.add(error.getText());
      }
    }
    for (WebElement note : browser.findElements(By.cssSelector(".notifications"))) {
      if (!note.getText().isBlank()) {
        messages.add(note.getText());
      }
    }
    assertThat(messages).as("why the empty form was refused").isNotEmpty()
        .allSatisfy(m -> assertThat(m).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]")
            .doesNotContainPattern("[A-Za-z]{3,}( [A-Za-z]+)+"));
    assertNoEnglish(shot.formId(), pane.getText());
    for (WebElement note : browser.findElements(By.cssSelector(".notifications"))) {
      assertNoEnglish(shot.formId(), note.getText());
    }
    if (shot.taskId() != null) {
      assertThat(taskService.createTaskQuery().taskId(shot.taskId()).count()).as("the empty form was refused").isOne();
    }
  }

  /** The labels of the form's fields that are always shown (not conditional, not in a conditional group). */
  private static List<String> labels(String formId) throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms", formId + ".form").toFile());
    List<String> labels = new ArrayList<>();
    collect(form.path("components"), labels);
    assertThat(labels).as("%s has fields", formId).isNotEmpty();
    return labels;
  }

  private static void collect(JsonNode components, List<String> labels) {
    for (JsonNode c : components) {
      if (c.has("conditional")) {
        continue;
      }
      if (c.hasNonNull("label") && !c.path("label").asText().startsWith("=")) {
        labels.add(c.path("label").asText());
      }
      collect(c.path("components"), labels);
    }
  }

  private void assertNoEnglish(String formId, String text) {
    String visible = text.replaceAll("https?://\\S+|\\S+@\\S+", "");
    for (String word : ENGLISH) {
      assertThat(visible).as("English %s in %s", word, formId).doesNotContainPattern("\\b" + Pattern.quote(word) + "\\b");
    }
    Matcher phrase = ENGLISH_PHRASE.matcher(visible);
    if (phrase.find()) {
      throw new AssertionError("English phrase in " + formId + ": " + phrase.group());
    }
    Matcher code = CODE.matcher(visible);
    if (code.find()) {
      throw new AssertionError("a code instead of Japanese in " + formId + ": " + code.group());
    }
  }

  /** What a reader should look at in the PNG (not failures: other branches change these texts). */
  private void noteLooks(String formId, String form) {
    for (String raw : List.of("**", "\\(", "\\)", "\\-", "\\.", "|---", "](", "null", "undefined", "${")) {
      if (form.contains(raw)) {
        observations.add(formId + ": raw text " + raw + " shown");
      }
    }
  }

  /**
   * Elements of the form (and the pages' own scrolling) wider than the pane, and boxes of the form
   * that hide part of their content sideways: horizontal scrolling or cut-off content.
   */
  @SuppressWarnings("unchecked")
  private List<String> overflow() {
    return (List<String>) browser.executeScript("""
        const out = [];
        const doc = document.documentElement;
        if (doc.scrollWidth > doc.clientWidth + 1) out.push('document ' + doc.scrollWidth + '>' + doc.clientWidth);
        const form = document.querySelector('.fjs-container');
        const box = form.getBoundingClientRect();
        // the form and the panes that hold it, up to the tab (a start form: the dialog)
        for (let e = form; e && e !== document.body; e = e.parentElement) {
          // a box that scrolls or clips sideways (one whose overflow is visible only passes it on)
          if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') {
            out.push((e.className || e.tagName) + ' ' + e.scrollWidth + '>' + e.clientWidth);
          }
          if (e.matches('.tab-content, .modal-body')) break;
        }
        const pane = form.closest('.tab-content, .modal-body') || form;
        const paneRight = pane.getBoundingClientRect().left + pane.clientWidth;
        // a box of the form that hides what does not fit (a label cut off at the column's edge);
        // text inputs scroll their own text by design
        for (const e of form.querySelectorAll('*')) {
          if (e.matches('input, textarea, select') || e.clientWidth === 0) continue;
          const style = getComputedStyle(e);
          if (style.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) {
            out.push('cut off: ' + e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth
                + ' ' + (e.textContent || '').trim().slice(0, 40));
            if (out.length > 8) break;
          }
        }
        for (const e of pane.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          if (r.width > 0 && r.right > Math.min(box.right, paneRight) + 1) {
            out.push(e.tagName + '.' + e.className + ' right ' + Math.round(r.right) + '>' + Math.round(Math.min(box.right, paneRight)));
            if (out.length > 8) break;
          }
        }
        return out;
        """);
  }

  /** Tasklist's own task card around the form (its header, tabs): wider than the card? */
  private String cardOverflow() {
    return (String) browser.executeScript("""
        const card = document.querySelector('.task-card');
        if (!card || card.scrollWidth <= card.clientWidth + 1) return null;
        const right = card.getBoundingClientRect().left + card.clientWidth;
        const wide = [...card.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > right + 1)
            .slice(0, 4).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
        return 'task-card ' + card.scrollWidth + '>' + card.clientWidth + ' ' + wide.join(', ');
        """);
  }

  /** The pane as tall as its form, so the PNG shows the whole form. */
  private void screenshot(String formId, WebElement pane) throws Exception {
    Number extra = (Number) browser.executeScript("""
        let extra = 0;
        for (let e = document.querySelector('.fjs-container'); e; e = e.parentElement) {
          extra = Math.max(extra, e.scrollHeight - e.clientHeight);
        }
        return extra;
        """);
    int height = Math.min(HEIGHT + extra.intValue() + 40, 6000);
    browser.manage().window().setSize(new Dimension(WIDTH, height));
    Thread.sleep(300);
    byte[] png = pane.getScreenshotAs(OutputType.BYTES);
    browser.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    Files.write(TARGET.resolve(formId + ".png"), png);
    if (Boolean.getBoolean("screenshots.update")) {
      Files.createDirectories(DOCS);
      Files.write(DOCS.resolve(formId + ".png"), png);
    }
  }

  private WebElement taskPane() {
    // The task's column (its padding, the card: task name, process, tabs, form), not the list columns.
    return (WebElement) browser.executeScript(
        "return document.querySelector('.task-card').closest('.three-cols-layout-cell')", new Object[0]);
  }

  private void login(String user) throws Exception {
    if (user.equals(loggedIn)) {
      return;
    }
    try {
      startBrowserAndLogIn(user);
    } catch (RuntimeException slowStart) {
      // Once more: on a busy machine the first load of Tasklist sometimes outlasts the wait.
      startBrowserAndLogIn(user);
    }
    loggedIn = user;
  }

  private void startBrowserAndLogIn(String user) throws Exception {
    // A fresh browser per user (the shots go user by user): logging out of Tasklist with a form left
    // dirty by the empty 完了 leaves it loading.
    if (browser != null) {
      browser.quit();
    }
    browser = Chromium.start(Files.createTempDirectory("chromium-profile"));
    browser.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(base());
    Webapps.signIn(browser, user);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(.,'プロセスを開始')]")));
  }

  private String base() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
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
