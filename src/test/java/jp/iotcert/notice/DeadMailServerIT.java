package jp.iotcert.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import jp.iotcert.api.ApiTestBase;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.Mails;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Finding 10: an SMTP server that accepts connections and never answers must not take the system
 * down. The application mails to a "black hole" while more notices are produced than the pool has
 * connections; the registry, the API and the engine keep answering, the hanging deliveries hold no
 * database connection, and once a real SMTP server answers on that port every notice arrives once.
 */
@TestPropertySource(properties = {
    "spring.mail.host=127.0.0.1",
    // Timeouts of the test only: long enough that a caller waiting for mail would miss the bound below.
    "spring.mail.properties[mail.smtp.connectiontimeout]=10000",
    "spring.mail.properties[mail.smtp.timeout]=10000",
    "spring.mail.properties[mail.smtp.writetimeout]=10000",
    "iotcert.mail.retry-interval=PT2S",
    "iotcert.mail.threads=2",
    "iotcert.mail.queue-capacity=4"})
@DirtiesContext
class DeadMailServerIT extends ApiTestBase {

  private static final Duration BOUND = Duration.ofSeconds(5);
  // Fewer parallel producers than connections, so only a delivery holding connections can fill the pool.
  private static final int PRODUCERS = 5;
  private static final int NOTICES_PER_PRODUCER = 6;
  private static final BlackHole BLACK_HOLE = BlackHole.open();

  @Autowired JdbcClient jdbc;
  @Autowired HikariDataSource dataSource;

  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<int[]> samples = Collections.synchronizedList(new ArrayList<>()); // {active, hanging}

  @DynamicPropertySource
  static void mailToTheBlackHole(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", BLACK_HOLE::port);
  }

  @AfterAll
  static void closeBlackHole() {
    BLACK_HOLE.close();
  }

  @Test
  void aSilentMailServerStarvesNothingAndEveryNoticeArrivesOnceItAnswers() throws Exception {
    int poolSize = dataSource.getMaximumPoolSize();
    assertThat(PRODUCERS * NOTICES_PER_PRODUCER).isGreaterThan(poolSize);
    List<String> certifications = importCertifications(PRODUCERS);
    int noticesBefore = noticeCount();
    // Warm-up, not measured: the first /engine-rest call starts Jersey, which takes seconds on its own.
    observeEveryKindOfCall();
    failures.clear();

    ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + 2);
    AtomicBoolean producing = new AtomicBoolean(true);
    threads.submit(() -> {
      while (producing.get()) {
        samples.add(new int[] {dataSource.getHikariPoolMXBean().getActiveConnections(), BLACK_HOLE.hanging()});
        sleep(20);
      }
    });
    Future<?> observer = threads.submit(() -> {
      while (producing.get()) {
        observeEveryKindOfCall();
      }
    });
    List<Future<?>> producers = new ArrayList<>();
    for (String no : certifications) {
      producers.add(threads.submit(() -> {
        for (int i = 0; i < NOTICES_PER_PRODUCER; i++) {
          String description = "報道で把握した障害 " + i;
          timed("staff opens an emergency of " + no, () -> postJson("staff1", "/api/certifications/" + no + "/emergencies",
              Map.of("occurredOn", today().toString(), "description", description)));
        }
      }));
    }
    for (Future<?> producer : producers) {
      producer.get(5, TimeUnit.MINUTES);
    }
    producing.set(false);
    observer.get(1, TimeUnit.MINUTES);
    threads.shutdown();
    assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    // Afterwards, while the deliveries still hang: every call still answers, and no connection is in use.
    observeEveryKindOfCall();
    assertThat(failures).as("calls that failed or were slower than %s while the mail server was silent", BOUND)
        .isEmpty();
    assertThat(samples).as("active connections never reached the pool size (%d)", poolSize)
        .allSatisfy(s -> assertThat(s[0]).isLessThan(poolSize));
    assertThat(BLACK_HOLE.hanging()).as("deliveries waiting on the silent server").isPositive();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
      int hanging = BLACK_HOLE.hanging();
      int active = dataSource.getHikariPoolMXBean().getActiveConnections();
      assertThat(hanging).as("deliveries hanging").isPositive();
      assertThat(active).as("connections in use while %d deliveries hang and no request runs", hanging).isZero();
    });
    int notices = noticeCount() - noticesBefore;
    assertThat(notices).isGreaterThanOrEqualTo(PRODUCERS * NOTICES_PER_PRODUCER);

    // The mail server comes back on the same port: every notice is delivered, and only once.
    BLACK_HOLE.close();
    GreenMail smtp = new GreenMail(new ServerSetup(BLACK_HOLE.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(
          () -> jdbc.sql("SELECT COUNT(*) FROM notice WHERE mail_status <> 'SENT'").query(Integer.class).single() == 0);
      Thread.sleep(5_000); // two more retry rounds: nothing is sent again
      List<String> received = new ArrayList<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        received.add(m.getAllRecipients()[0] + "|" + m.getSubject() + "|" + Mails.text(m).strip());
      }
      List<String> recorded = jdbc.sql("SELECT recipient, subject, body FROM notice")
          .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3).strip()).list();
      assertThat(received).containsExactlyInAnyOrderElementsOf(recorded);
      assertThat(Set.copyOf(received)).as("each notice is distinct, so a duplicate is a second delivery")
          .hasSize(received.size());
    } finally {
      smtp.stop();
    }
  }

  /** The anonymous registry, a provider's submission and a Tasklist-style engine call. */
  private void observeEveryKindOfCall() {
    timed("anonymous registry", () -> get(null, "/api/public/certifications"));
    timed("engine task list as staff1", () -> get("staff1", "/engine-rest/task"));
    timed("provider1 submits an application", () -> submit("provider1",
        application(TestApplications.PROVIDER1_NUMBER, "障害時の申請"), TestApplications.PDF));
  }

  private void timed(String what, Supplier<ResponseEntity<JsonNode>> call) {
    long start = System.nanoTime();
    ResponseEntity<JsonNode> response = call.get();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    if (!response.getStatusCode().is2xxSuccessful() || took.compareTo(BOUND) > 0) {
      failures.add(what + ": " + response.getStatusCode().value() + " after " + took.toMillis() + " ms");
    }
  }

  private List<String> importCertifications(int count) {
    LocalDate certifiedOn = today().minusDays(10);
    List<Map<String, Object>> batch = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String no = "IoT " + (7101 + i) + "-" + certifiedOn.format(DateTimeFormatter.ofPattern("yyMM"));
      numbers.add(no);
      Map<String, Object> entry = new HashMap<>();
      entry.put("certificationNumber", no);
      entry.put("certifiedOn", certifiedOn.toString());
      entry.put("firstCertifiedOn", certifiedOn.toString());
      entry.put("provider", Map.of("corporateNumber", TestApplications.PROVIDER2_NUMBER, "name", "株式会社テスト",
          "email", "provider" + i + "@provider.example.jp"));
      entry.put("service", Map.of("name", "停止試験サービス" + i, "description", "メール障害の試験"));
      entry.put("disclosure", List.of(Map.of("itemId", "B-01", "value", certifiedOn.minusDays(20).toString())));
      batch.add(entry);
    }
    ResponseEntity<JsonNode> imported = postJson("staff1", "/api/certifications/imports", batch);
    assertThat(imported.getBody().get("created").asInt()).as(imported.getBody().toString()).isEqualTo(count);
    return numbers;
  }

  private int noticeCount() {
    return jdbc.sql("SELECT COUNT(*) FROM notice").query(Integer.class).single();
  }

  private static LocalDate today() {
    return LocalDate.now(BusinessCalendar.ZONE);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Accepts SMTP connections and never writes a byte, as a hung mail server does. */
  static final class BlackHole {

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private BlackHole(ServerSocket server) {
      this.server = server;
    }

    static BlackHole open() {
      try {
        BlackHole hole = new BlackHole(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(hole::accept, "smtp-black-hole");
        acceptor.setDaemon(true);
        acceptor.start();
        return hole;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    int port() {
      return server.getLocalPort();
    }

    /** Connections the client has not given up yet. */
    int hanging() {
      return open.size();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          open.add(socket);
          // Reads only to notice when the client gives up (its timeout), never answers.
          Thread reader = new Thread(() -> drain(socket), "smtp-black-hole-session");
          reader.setDaemon(true);
          reader.start();
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void drain(Socket socket) {
      try (InputStream in = socket.getInputStream()) {
        while (in.read() != -1) {
          // swallow
        }
      } catch (IOException e) {
        // closed by either side
      } finally {
        open.remove(socket);
        closeQuietly(socket);
      }
    }

    void close() {
      closeQuietly(server);
      open.forEach(BlackHole::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // already closed
      }
    }
  }
}
