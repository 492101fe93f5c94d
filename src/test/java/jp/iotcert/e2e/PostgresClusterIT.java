package jp.iotcert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import jp.iotcert.support.TestSmtp;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes on one PostgreSQL database (docs/operations.md, "Running a cluster"): two JVMs of the
 * whole application with their job executors on share a few hundred certifications whose validity
 * ended ten days ago, imported through one node, so every expiry timer is due at once, and a hundred
 * whose renewal window is open, so their window timers are due and each runs its notice as an async
 * step (asyncBefore of 「更新受付の開始を通知する」, a job of its own). Halfway one
 * node is killed (SIGKILL, its locked jobs and mail claims left behind); the other finishes
 * everything. Afterwards each certification has exactly one EXPIRED register event and one notice of
 * each kind, every notice was mailed once (a second time only if the dead node was sending it at the
 * kill: SMTP cannot tell), and the jobs the dead node held ran on the survivor once their lock time
 * was over.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresClusterIT {

  private static final int CERTIFICATIONS = 200;
  /** Certifications in their renewal window: one async notice step each. */
  private static final int WINDOW_OPEN = 100;
  /**
   * The job lock time of the test: the dead node's jobs come back after it. Short to keep the test
   * quick, but longer than any job here takes on a loaded 2-core machine (a job still running when
   * its lock ends would be taken by the other node too; one of them then fails on the row version).
   */
  private static final long LOCK_TIME_MILLIS = 15_000;
  private static final int MAIL_THREADS = 2;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyDueStepRunsOnceAndTheSurvivorFinishesAfterAKill() throws Exception {
    String url = PostgresTestDatabase.freshDatabase("iotcert_cluster");
    Path workDir = Files.createTempDirectory("iotcert-cluster");
    GreenMail smtp = new GreenMail(TestSmtp.SETUP);
    smtp.start();
    try (ChildApplication a = ChildApplication.start("cluster-node-a", workDir, null, node(url, "node-a"))) {
      // One after the other: the first migrates the schema and deploys the models; the second finds
      // them deployed (duplicate filtering) as a node added to a running cluster does.
      try (ChildApplication b = ChildApplication.start("cluster-node-b", workDir, null, node(url, "node-b"))) {
        // The certifications' jobs are held back while they are imported (their job definitions
        // suspended, as an operator can in Cockpit) and released at once: a backlog both nodes
        // find on their next acquisition, rather than jobs run one by one as the import makes them.
        // Through node-b, the survivor, so the kill cannot cut these requests.
        suspendCertificationJobs(b, true);
        List<String> windowOpen = new ArrayList<>();
        List<String> numbers = importOverdue(b, windowOpen);
        assertThat(count(url, "SELECT COUNT(*) FROM act_ru_job WHERE suspension_state_ = 2")).as("jobs held back")
            .isGreaterThanOrEqualTo(CERTIFICATIONS + WINDOW_OPEN);
        suspendCertificationJobs(b, false);

        // Halfway: both nodes have worked, and work is left.
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
            .until(() -> count(url, "SELECT COUNT(*) FROM certification_event WHERE event = 'EXPIRED'") >= CERTIFICATIONS / 2);
        List<String> lockedAtKill = strings(url, "SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
        a.kill();
        // Mails the dead node had claimed: handed to the SMTP server or not, it cannot tell; they are
        // sent again once their claim times out (at least once, docs/operations.md).
        List<String> sendingAtKill = strings(url, "SELECT recipient || '|' || subject FROM notice WHERE mail_status = 'SENDING'");
        long expiredAtKill = count(url, "SELECT COUNT(*) FROM certification_event WHERE event = 'EXPIRED'");
        Map<String, Long> jobsByNode = jobsByNode(url);
        System.out.printf("[cluster] node-a killed with %d of %d expired, %d jobs locked, jobs done per node: %s%n",
            expiredAtKill, CERTIFICATIONS, lockedAtKill.size(), jobsByNode);
        assertThat(expiredAtKill).as("work left for the survivor").isLessThan(CERTIFICATIONS);
        assertThat(jobsByNode).as("jobs run per node before the kill").containsKeys("node-a", "node-b");
        assertThat(lockedAtKill).as("jobs locked at the kill").isNotEmpty();

        // The survivor finishes: every certification expired, every notice mailed, nothing left due.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
            count(url, "SELECT COUNT(*) FROM certification WHERE status = 'EXPIRED'") == CERTIFICATIONS
                && count(url, "SELECT COUNT(*) FROM notice WHERE kind = 'RENEWAL_WINDOW_OPEN'") == WINDOW_OPEN
                && count(url, "SELECT COUNT(*) FROM notice WHERE mail_status <> 'SENT'") == 0
                && count(url, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND handler_type_ <> 'history-cleanup'"
                + " AND (duedate_ IS NULL OR duedate_ <= now())") == 0);
        // Two more mail retry rounds and lock times: nothing runs or is sent again.
        Thread.sleep(LOCK_TIME_MILLIS + 5_000);
        check(url, numbers, windowOpen, lockedAtKill, sendingAtKill, smtp);
        assertThat(b.isAlive()).isTrue();
        b.stop();
      }
    } finally {
      smtp.stop();
      CrashScenario.deleteRecursively(workDir);
    }
  }

  private static List<String> node(String url, String hostname) {
    return List.of("--spring.datasource.url=" + url,
        "--spring.datasource.username=" + PostgresTestDatabase.USER,
        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
        // The name in the job log (ACT_HI_JOB_LOG.HOSTNAME_): which node ran which job.
        "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
        // A node hears only of the jobs it makes itself; others come to it on its next acquisition,
        // at most max-wait after the last one that found nothing (docs/operations.md).
        "--camunda.bpm.job-execution.max-wait=2000",
        // Mail to the test's GreenMail; the embedded catcher off (both nodes would want its port).
        "--iotcert.mail.enabled=true",
        "--iotcert.mail.catcher.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestSmtp.PORT,
        "--iotcert.mail.retry-interval=PT2S",
        "--iotcert.mail.threads=" + MAIL_THREADS,
        // A claim of the dead node's mail thread comes back after this: longer than a send takes even
        // on the loaded test machine (a live send reclaimed would be sent twice), short for the test.
        "--iotcert.mail.claim-timeout=PT60S");
  }

  private void suspendCertificationJobs(ChildApplication node, boolean suspended) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/engine-rest/job-definition/suspended"))
        .timeout(Duration.ofMinutes(2)).header("Authorization", ApplicationUpload.basic("demo"))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"processDefinitionKey\":\"certification\",\"suspended\":" + suspended
            + ",\"includeJobs\":true}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
  }

  /**
   * Certified two years and ten days ago: the validity (two years) ended ten days ago. Into
   * {@code windowOpen}: certified two years less 45 days ago, so the renewal window (from 60 to 30
   * days before the last day) is open: the window's notice is due, the reminder is not.
   */
  private List<String> importOverdue(ChildApplication node, List<String> windowOpen) throws IOException, InterruptedException {
    LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
    List<String> numbers = new ArrayList<>();
    StringBuilder body = new StringBuilder("[");
    for (int i = 1; i <= CERTIFICATIONS + WINDOW_OPEN; i++) {
      boolean expired = i <= CERTIFICATIONS;
      LocalDate certifiedOn = expired ? today.minusYears(2).minusDays(10) : today.minusYears(2).plusDays(45);
      String number = String.format("IoT %04d-%s", i, certifiedOn.format(DateTimeFormatter.ofPattern("yyMM")));
      (expired ? numbers : windowOpen).add(number);
      body.append(i > 1 ? "," : "").append("""
          {"certificationNumber":"%s","certifiedOn":"%s","firstCertifiedOn":"%s",
           "provider":{"corporateNumber":"%s","name":"株式会社クラスタ試験","email":"cluster%d@provider.example.jp"},
           "service":{"name":"クラスタ試験サービス %d","description":"二台構成の試験"},
           "disclosure":[{"itemId":"B-01","value":"%s"}]}""".formatted(number, certifiedOn, certifiedOn,
          TestApplications.PROVIDER2_NUMBER, i, i, certifiedOn.minusDays(20)));
    }
    body.append("]");
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/api/certifications/imports"))
        .timeout(Duration.ofMinutes(3))
        .header("Authorization", ApplicationUpload.basic("staff1"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("\"created\":" + (CERTIFICATIONS + WINDOW_OPEN));
    return numbers;
  }

  private static void check(String url, List<String> numbers, List<String> windowOpen, List<String> lockedAtKill,
      List<String> sendingAtKill, GreenMail smtp)
      throws SQLException, MessagingException, IOException {
    SoftAssertions softly = new SoftAssertions();
    Map<String, Long> expiredEvents = grouped(url,
        "SELECT certification_number, COUNT(*) FROM certification_event WHERE event = 'EXPIRED' GROUP BY certification_number");
    Map<String, Long> expiredNotices = grouped(url,
        "SELECT certification_number, COUNT(*) FROM notice WHERE kind = 'EXPIRED' GROUP BY certification_number");
    for (String number : numbers) {
      softly.assertThat(expiredEvents.get(number)).as("EXPIRED register events of %s", number).isEqualTo(1L);
      softly.assertThat(expiredNotices.get(number)).as("expiry notices of %s", number).isEqualTo(1L);
    }
    // The async steps: each window notice made once, by a job of its own that ran once.
    Map<String, Long> windowNotices = grouped(url, "SELECT certification_number, COUNT(*) FROM notice"
        + " WHERE kind = 'RENEWAL_WINDOW_OPEN' GROUP BY certification_number");
    for (String number : windowOpen) {
      softly.assertThat(windowNotices.get(number)).as("renewal window notices of %s", number).isEqualTo(1L);
    }
    softly.assertThat(count(url, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_def_type_ = 'async-continuation'"
        + " AND job_state_ = 2 AND act_id_ = 'Task_NotifyRenewalWindowOpen'")).as("async notice steps run")
        .isEqualTo(WINDOW_OPEN);
    softly.assertThat(grouped(url, "SELECT certification_number || ' ' || kind, COUNT(*) FROM notice"
        + " GROUP BY certification_number, kind HAVING COUNT(*) > 1")).as("notices made twice").isEmpty();
    softly.assertThat(grouped(url, "SELECT certification_number || ' ' || event, COUNT(*) FROM certification_event"
        + " GROUP BY certification_number, event HAVING COUNT(*) > 1")).as("register events recorded twice").isEmpty();
    softly.assertThat(count(url, "SELECT COUNT(*) FROM notice n WHERE NOT EXISTS"
        + " (SELECT 1 FROM notice_letter l WHERE l.notice_id = n.id)")).as("notices without their letter").isZero();
    softly.assertThat(count(url, "SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();

    // The jobs the dead node held were run by the survivor once their lock expired.
    for (String job : lockedAtKill) {
      softly.assertThat(count(url, "SELECT COUNT(*) FROM act_ru_job WHERE id_ = '" + job
          + "' AND (duedate_ IS NULL OR duedate_ <= now())")).as("job %s locked at the kill is done", job).isZero();
    }
    softly.assertThat(count(url, "SELECT COUNT(*) FROM act_hi_job_log WHERE hostname_ = 'node-b' AND job_state_ = 2"
        + " AND job_id_ IN (" + String.join(",", lockedAtKill.stream().map(id -> "'" + id + "'").toList()) + ")"))
        .as("jobs locked at the kill that node-b completed").isPositive();

    // One mail per notice, the same recipient and subject; a second one only for a notice that was
    // being sent at the kill (handed to the SMTP server or not, the dead node cannot tell).
    List<String> received = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      received.add(m.getAllRecipients()[0] + "|" + m.getSubject());
    }
    List<String> recorded = strings(url, "SELECT recipient || '|' || subject FROM notice");
    List<String> repeated = new ArrayList<>(received);
    recorded.forEach(repeated::remove);
    softly.assertThat(recorded).as("notices").hasSizeGreaterThanOrEqualTo(CERTIFICATIONS);
    softly.assertThat(Set.copyOf(recorded)).as("notices are distinct").hasSize(recorded.size());
    softly.assertThat(Set.copyOf(received)).as("every notice mailed, and nothing else").isEqualTo(Set.copyOf(recorded));
    softly.assertThat(repeated).as("mails sent twice: only those the dead node was sending at the kill (%s)",
        sendingAtKill).isSubsetOf(sendingAtKill).doesNotHaveDuplicates();
    System.out.printf("[cluster] %d notices, %d mails (%d sent again after the kill), jobs per node: %s%n",
        recorded.size(), received.size(), repeated.size(), jobsByNode(url));
    softly.assertAll();
  }

  private static Map<String, Long> jobsByNode(String url) throws SQLException {
    return grouped(url, "SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_");
  }

  private static Map<String, Long> grouped(String url, String sql) throws SQLException {
    Map<String, Long> result = new TreeMap<>();
    try (Connection c = connect(url); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        result.put(rs.getString(1), rs.getLong(2));
      }
    }
    return result;
  }

  private static List<String> strings(String url, String sql) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Connection c = connect(url); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection c = connect(url); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }
}
