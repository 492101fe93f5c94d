package jp.iotcert.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import jp.iotcert.IotCertApplication;
import jp.iotcert.support.TestApplications;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away under load and comes back (docs/operations.md, "Failures"): four clients
 * submit applications over HTTP while the application's database stops taking connections and every
 * open one is ended, as in a PostgreSQL restart or fail-over, for about fifteen seconds. Meanwhile
 * every request is answered within a bound, either as before or with a Japanese 503 problem; after it
 * submissions succeed again without a restart of the application, every submission answered 201 is
 * there with its process, and the jobs the outage interrupted run.
 *
 * <p>The outage is made inside PostgreSQL for this test's database only ({@code ALLOW_CONNECTIONS
 * false} and {@code pg_terminate_backend}), since the machine's server is shared: a TCP proxy
 * library (netcrusher) is not served by the registry here, and what the application sees is the same
 * as in a restart: its connections closed, new ones refused.
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresOutageIT {

  private static final int CLIENTS = 4;
  private static final Duration OUTAGE = Duration.ofSeconds(15);
  /** The pool's connection timeout (5 s) plus the time a loaded machine takes to answer. */
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final String SERVICE_PREFIX = "停止試験サービス ";

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final List<String> refusedDuringOutage = Collections.synchronizedList(new ArrayList<>());
  private final List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger acknowledgedAfterOutage = new AtomicInteger();
  /** BEFORE, DOWN, AFTER: the phase a request was sent in. */
  private final AtomicReference<String> phase = new AtomicReference<>("BEFORE");

  @Test
  void requestsFailClearlyDuringAnOutageAndNothingAcknowledgedIsLost() throws Exception {
    String url = PostgresTestDatabase.freshDatabase("iotcert_outage");
    String database = url.substring(url.lastIndexOf('/') + 1);
    ObjectNode template = (ObjectNode) json.readTree(Paths.get("docs", "examples", "application.json").toFile());
    byte[] pdf = Files.readAllBytes(Paths.get("docs", "examples", "touki.pdf"));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IotCertApplication.class).run(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + PostgresTestDatabase.USER,
        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--iotcert.mail.enabled=false",
        "--iotcert.mail.catcher.enabled=false")) {
      String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      AtomicInteger sequence = new AtomicInteger();
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(() -> {
          while (!"STOP".equals(phase.get())) {
            submit(base, template, pdf, sequence.incrementAndGet());
          }
          return null;
        });
      }
      await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 8);

      // The outage: this database refuses new connections and its open ones are ended.
      phase.set("DOWN");
      admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
      admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
      Thread.sleep(OUTAGE.toMillis());
      admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
      phase.set("AFTER");
      await().atMost(Duration.ofMinutes(2)).until(() -> acknowledgedAfterOutage.get() >= 8);
      phase.set("STOP");
      clients.shutdown();
      assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      System.out.printf("[outage] %d submissions answered 201 (%d after the outage), %d refused with 503 during it%n",
          acknowledged.size(), acknowledgedAfterOutage.get(), refusedDuringOutage.size());

      // The jobs of the submissions (those the outage interrupted too) run once the database is back.
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
          "SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ <> 'history-cleanup' AND (duedate_ IS NULL OR duedate_ <= now())")
          .query(Long.class).single() == 0);

      SoftAssertions softly = new SoftAssertions();
      softly.assertThat(wrongAnswers).as("answers other than 201, or 503 problems during the outage").isEmpty();
      softly.assertThat(refusedDuringOutage).as("requests refused with 503 during the outage").isNotEmpty();
      for (String number : acknowledged) {
        softly.assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE application_number = ?").param(number)
            .query(Long.class).single()).as("application %s answered 201", number).isEqualTo(1L);
        softly.assertThat(jdbc.sql("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ?"
            + " AND proc_def_key_ = 'certification-application'").param(number).query(Long.class).single())
            .as("process of %s", number).isEqualTo(1L);
      }
      softly.assertThat(jdbc.sql("SELECT COUNT(*) FROM act_ru_incident").query(Long.class).single())
          .as("incidents after the outage").isZero();
      softly.assertAll();
    } finally {
      admin("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
    }
  }

  private void submit(String base, ObjectNode template, byte[] pdf, int i) {
    String sentIn = phase.get();
    boolean first = i % 2 == 0;
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> answer = http.send(ApplicationUpload.request(base, json, template, pdf,
          first ? "provider1" : "provider2", first ? TestApplications.PROVIDER1_NUMBER : TestApplications.PROVIDER2_NUMBER,
          SERVICE_PREFIX + i).timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String text = new String(answer.body(), StandardCharsets.UTF_8);
      if (answer.statusCode() == 201) {
        acknowledged.add(json.readTree(answer.body()).get("applicationNumber").asText());
        if ("AFTER".equals(sentIn)) {
          acknowledgedAfterOutage.incrementAndGet();
        }
      } else if (answer.statusCode() == 503 && !"BEFORE".equals(phase.get())) {
        // Refused once the outage began (also a request sent just before it, or just after it while
        // the pool opens its first new connection).
        JsonNode problem = json.readTree(answer.body());
        if (!answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
            || !problem.path("detail").asText().contains("データベースに接続できない")
            || answer.headers().firstValue("Retry-After").isEmpty()) {
          wrongAnswers.add("503 without the problem: " + answer.headers().map() + " " + text);
        } else {
          refusedDuringOutage.add(text);
        }
        // As a client should: wait before sending again (Retry-After, shortened for the test).
        Thread.sleep(500);
      } else {
        wrongAnswers.add(sentIn + " " + answer.statusCode() + " " + text);
      }
      if (took.compareTo(BOUND) > 0) {
        wrongAnswers.add(sentIn + " answered " + answer.statusCode() + " after " + took.toMillis() + " ms");
      }
    } catch (IOException e) {
      wrongAnswers.add(sentIn + " no answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(PostgresTestDatabase.url("postgres"), PostgresTestDatabase.USER,
        PostgresTestDatabase.PASSWORD); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
