package jp.iotcert.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.TestApplications;
import org.assertj.core.api.SoftAssertions;

/**
 * A crash in the middle of a burst: 8 clients submit applications (as the providers) and record fees
 * (as staff) over HTTP against the application in its own JVM; once enough submissions were
 * answered the JVM is killed with SIGKILL, then started again on the same database. Afterwards every
 * submission answered 201 and every payment answered 2xx must be there, once, with its process
 * moved on; numbers handed out after the restart must not repeat one answered before; and the fee
 * reminders that came due while the application was down must each be sent once.
 *
 * <p>The first run's engine clock runs {@link #CLOCK_BEHIND} behind real time, so the reminders
 * (application date + {@code iotcert.fee.reminder-after}, 14 days, at the start of the day) are in
 * its future and fall due during the downtime; the restarted run has the real clock.
 */
final class CrashScenario {

  static final Duration CLOCK_BEHIND = Duration.ofDays(15);
  private static final int CLIENTS = 8;
  /** Submissions answered 201 before the kill; the other clients are mid-request at that moment. */
  private static final int KILL_AFTER = 24;
  private static final int AFTER_RESTART = 6;
  private static final String SERVICE_PREFIX = "耐障害試験サービス ";
  private static final String PROCESS_KEY = "certification-application";

  private final String name;
  private final Path workDir;
  private final List<String> datasource;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectNode template;
  private final byte[] pdf;

  /** Applications answered 201 and payments answered 2xx, by application number. */
  private final Set<String> submitted = Collections.synchronizedSet(new HashSet<>());
  private final Set<String> paid = Collections.synchronizedSet(new HashSet<>());
  private final ConcurrentLinkedQueue<String> otherAnswers = new ConcurrentLinkedQueue<>();

  CrashScenario(String name, Path workDir, List<String> datasource) {
    this.name = name;
    this.workDir = workDir;
    this.datasource = datasource;
    try {
      // The documented example, as a provider's client sends it.
      this.template = (ObjectNode) json.readTree(Paths.get("docs", "examples", "application.json").toFile());
      this.pdf = Files.readAllBytes(Paths.get("docs", "examples", "touki.pdf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void run() {
    burstAndKill();
    try (ChildApplication restarted = ChildApplication.start(name + "-2-restarted", workDir, null, datasource)) {
      check(restarted);
      restarted.stop();
    }
  }

  private void burstAndKill() {
    ChildApplication child = ChildApplication.start(name + "-1-killed", workDir, CLOCK_BEHIND, datasource);
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int c = 0; c < CLIENTS; c++) {
        clients.submit(() -> {
          // Refusals are collected, not retried for ever: a broken request ends the burst with them.
          while (child.isAlive() && otherAnswers.size() < 50) {
            int i = sequence.incrementAndGet();
            try {
              HttpResponse<byte[]> answer = submit(child.baseUrl, i);
              if (answer.statusCode() != 201) {
                otherAnswers.add("submission " + answer.statusCode() + " " + new String(answer.body(), StandardCharsets.UTF_8));
                continue;
              }
              String number = json.readTree(answer.body()).get("applicationNumber").asText();
              submitted.add(number);
              if (submitted.size() >= KILL_AFTER && killed.compareAndSet(false, true)) {
                child.kill();
                return;
              }
              if (i % 2 == 0) {
                HttpResponse<byte[]> payment = pay(child.baseUrl, number);
                if (payment.statusCode() / 100 == 2) {
                  paid.add(number);
                } else {
                  otherAnswers.add("payment " + payment.statusCode() + " " + new String(payment.body(), StandardCharsets.UTF_8));
                }
              }
            } catch (IOException e) {
              // The connection broke: the application was killed while answering. Not acknowledged.
              return;
            }
          }
        });
      }
      clients.shutdown();
      if (!clients.awaitTermination(4, TimeUnit.MINUTES)) {
        throw new IllegalStateException("The burst did not end:\n" + child.tail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      clients.shutdownNow();
      child.close();
    }
    System.out.printf("[%s] killed after %d submissions answered 201 and %d payments answered 2xx; other answers: %s%n",
        name, submitted.size(), paid.size(), otherAnswers);
    if (submitted.size() < KILL_AFTER || paid.isEmpty()) {
      throw new IllegalStateException("The burst ended before the kill (" + submitted.size() + " submissions, "
          + paid.size() + " payments); other answers: " + otherAnswers + "\n" + child.tail());
    }
  }

  private void check(ChildApplication app) {
    String base = app.baseUrl;
    // Settle: the jobs the killed run left and the reminders that fell due during the downtime run.
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
        .until(() -> count(base, "/engine-rest/job/count?executable=true") == 0);

    SoftAssertions softly = new SoftAssertions();
    Map<String, JsonNode> stored = new TreeMap<>();
    List<String> duplicates = new ArrayList<>();
    for (JsonNode summary : get(base, "staff1", "/api/applications")) {
      if (summary.path("serviceName").asText().startsWith(SERVICE_PREFIX)
          && stored.put(summary.get("applicationNumber").asText(), summary) != null) {
        duplicates.add(summary.get("applicationNumber").asText());
      }
    }
    Set<String> lost = new TreeSet<>(submitted);
    lost.removeAll(stored.keySet());
    Set<String> lostPayments = new TreeSet<>();
    String pdfSha256 = sha256(pdf);

    for (String number : stored.keySet()) {
      JsonNode application = get(base, "staff1", "/api/applications/" + number);
      String key = URLEncoder.encode(number, StandardCharsets.UTF_8);
      softly.assertThat(count(base, "/engine-rest/process-instance/count?processDefinitionKey=" + PROCESS_KEY
          + "&businessKey=" + key)).as("process instances of %s", number).isEqualTo(1);
      softly.assertThat(application.get("documents")).as("documents of %s", number).hasSize(1);
      softly.assertThat(application.at("/documents/0/sha256").asText()).as("registry certificate of %s", number)
          .isEqualTo(pdfSha256);
      boolean feePaid = application.at("/fee/paidInFull").asBoolean();
      if (paid.contains(number) && !feePaid) {
        lostPayments.add(number);
      }
      // One payment each: a payment recorded twice would show as 200000.
      softly.assertThat(application.at("/fee/paid").asLong()).as("fee paid for %s", number).isIn(0L, 100000L);
      long waitingForFee = count(base, "/engine-rest/execution/count?businessKey=" + key
          + "&activityId=Task_AwaitFeePayment");
      softly.assertThat(waitingForFee).as("%s waits for its fee: paid %s", number, feePaid).isEqualTo(feePaid ? 0 : 1);
      long reminders = 0;
      for (JsonNode notice : application.get("notices")) {
        if ("FEE_REMINDER".equals(notice.path("kind").asText())) {
          reminders++;
        }
      }
      softly.assertThat(reminders).as("fee reminders to %s (paid %s)", number, feePaid).isEqualTo(feePaid ? 0 : 1);
    }
    softly.assertThat(count(base, "/engine-rest/incident/count")).as("incidents").isZero();

    // Numbers handed out after the restart.
    Set<String> reused = new TreeSet<>();
    for (int i = 0; i < AFTER_RESTART; i++) {
      try {
        HttpResponse<byte[]> answer = submit(base, 10_000 + i);
        softly.assertThat(answer.statusCode()).as("submission after the restart").isEqualTo(201);
        if (answer.statusCode() == 201) {
          String number = json.readTree(answer.body()).get("applicationNumber").asText();
          if (submitted.contains(number) || stored.containsKey(number)) {
            reused.add(number);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.out.printf("[%s] after the restart: %d of %d applications answered 201 lost %s, %d of %d payments lost %s,"
            + " numbers given again %s, %d applications stored%n", name, lost.size(), submitted.size(), lost,
        lostPayments.size(), paid.size(), lostPayments, reused, stored.size());
    softly.assertThat(lost).as("applications answered 201 but gone after the restart (of %d)", submitted.size()).isEmpty();
    softly.assertThat(lostPayments).as("payments answered 2xx but not recorded (of %d)", paid.size()).isEmpty();
    softly.assertThat(reused).as("numbers answered before the crash and handed out again").isEmpty();
    softly.assertThat(duplicates).as("applications listed twice").isEmpty();
    softly.assertAll();
  }

  /** Removes a child's working directory (the H2 files, whatever else the application wrote there). */
  static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private HttpResponse<byte[]> submit(String base, int i) throws IOException {
    boolean first = i % 2 == 0;
    return send(ApplicationUpload.request(base, json, template, pdf, first ? "provider1" : "provider2",
        first ? TestApplications.PROVIDER1_NUMBER : TestApplications.PROVIDER2_NUMBER, SERVICE_PREFIX + i).build());
  }

  private HttpResponse<byte[]> pay(String base, String number) throws IOException {
    // The payment system's own account is being reworked elsewhere; staff record payments too (CONTRACT.md).
    LocalDate paidOn = LocalDate.ofInstant(Instant.now().minus(CLOCK_BEHIND), BusinessCalendar.ZONE).minusDays(1);
    byte[] body = json.writeValueAsBytes(Map.of("amount", 100000, "paidOn", paidOn.toString(),
        "reference", "CRASH-" + number));
    return send(HttpRequest.newBuilder(URI.create(base + "/api/applications/" + number + "/payments"))
        .header("Authorization", ApplicationUpload.basic("staff1")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private JsonNode get(String base, String user, String path) {
    try {
      HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", ApplicationUpload.basic(user)).header("Accept", "application/json").GET().build());
      if (answer.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + answer.statusCode() + ": "
            + new String(answer.body(), StandardCharsets.UTF_8));
      }
      return json.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A count from the engine's REST API, as the administrator. */
  private long count(String base, String path) {
    return get(base, "demo", path).get("count").asLong();
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    try {
      return http.send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
