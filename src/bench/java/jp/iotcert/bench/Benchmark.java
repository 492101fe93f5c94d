package jp.iotcert.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import jp.iotcert.application.ApplicationRequest;
import jp.iotcert.application.ApplicationRequest.DisclosureValue;
import jp.iotcert.common.BusinessCalendar;
import jp.iotcert.support.CaseSteps;
import jp.iotcert.support.TestApplications;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark (docs/performance.md): on a fresh PostgreSQL database, the packaged application
 * started as its own JVM, measured from outside over HTTP. Phases, in this order:
 * <ol>
 *   <li>the ceiling: one-row insert transactions/s through HikariCP (the application's pool size) at the same
 *       concurrency, into a scratch table;</li>
 *   <li>submissions/s (JSON + PDF) with p50/p95/p99, and the database's commits/s as a ratio to (1);</li>
 *   <li>whole applications/s, submission to certified, the tasks worked as their users do it;</li>
 *   <li>import entries/s with the job executor on;</li>
 *   <li>the registry at R certifications: lookups and searches/s with p50/p95/p99, after a warm-up;</li>
 *   <li>a timer storm: N certifications whose validity ended on the same day, imported with the job executor off,
 *       then the application restarted with it on: time until all are EXPIRED and published, jobs/s, and the
 *       latency of submissions and of a Tasklist list meanwhile;</li>
 *   <li>start-up time and resident memory (through all of it).</li>
 * </ol>
 * Arguments: the application's jar and the output directory. Parameters: `-Dbench.*` (see {@link Bench}).
 */
public final class Benchmark {

  private static final String PG_HOST = Bench.param("pg.host", "127.0.0.1");
  private static final String PG_PORT = Bench.param("pg.port", "5432");
  private static final String PG_USER = Bench.param("pg.user", "postgres");
  /** The application's pool: HikariCP's default size, which the application does not change. */
  private static final int POOL_SIZE = Bench.param("pool", 10, 10);
  private static final int CLIENTS = Bench.param("clients", 8, 8);

  private final Bench.Report report = new Bench.Report();
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
  private final Path jar;
  private final Path out;
  private final String database;
  private final String jdbcUrl;
  private final List<String> jvmArgs;
  private final LocalDate today = LocalDate.now(BusinessCalendar.ZONE);
  /** Serials of imported certifications: after those the whole applications take (1, 2, …). */
  private final AtomicInteger nextSerial = new AtomicInteger(Bench.param("firstImportSerial", 1001, 1001));
  private final Seeds seeds = new Seeds(20261130L, Bench.param("registry.companies", 20000, 500));
  private List<DisclosureValue> disclosure;

  private Benchmark(Path jar, Path out, List<String> jvmArgs) {
    this.jar = jar;
    this.out = out;
    this.database = Bench.param("db", "bench_" + System.currentTimeMillis() / 1000);
    this.jdbcUrl = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
    this.jvmArgs = jvmArgs;
  }

  public static void main(String[] args) throws Exception {
    Path packaged = Paths.get(args.length > 0 ? args[0] : "target/iot-cloud-certification-0.1.0-SNAPSHOT.jar").toAbsolutePath();
    Path out = Paths.get(args.length > 1 ? args[1] : "target/bench").toAbsolutePath();
    List<String> jvmArgs = new ArrayList<>(Arrays.asList(Bench.param("jvmArgs", "-Xmx512m").split("\\s+")));
    int status = 1;
    try {
      // As the image runs it (Dockerfile): the extracted jar with its class-data sharing archive, unless
      // -Dbench.jar names another layout or -Dbench.cds=false asks for the plain jar.
      String explicit = Bench.param("jar", "");
      Path jar = !explicit.isBlank() ? Paths.get(explicit).toAbsolutePath()
          : Boolean.parseBoolean(Bench.param("cds", "true")) ? withArchive(packaged, out.resolve("cds"), jvmArgs) : packaged;
      new Benchmark(jar, out, jvmArgs).run();
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      // exec:java runs in Maven's JVM and waits for every thread: a failed phase leaves client threads
      // behind, so end here, whatever happened (the table is written by then).
      System.exit(status);
    }
  }

  /**
   * The layout of the Dockerfile: the jar extracted (application jar + lib/), one training run that
   * archives the classes loaded until the context is refreshed, and {@code -XX:SharedArchiveFile} added
   * to the JVM's arguments. Returns the extracted application jar.
   */
  private static Path withArchive(Path packaged, Path dir, List<String> jvmArgs) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    FileSystemUtils.deleteRecursively(dir);
    Files.createDirectories(dir);
    run(dir, List.of(java, "-Djarmode=tools", "-jar", packaged.toString(), "extract", "--destination", dir.toString(),
        "--force"));
    Path extracted = dir.resolve(packaged.getFileName());
    Path archive = dir.resolve("app.jsa");
    long t0 = System.nanoTime();
    // The default profile, its H2 database in dir/data (removed after), no mail catcher.
    run(dir, List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
        extracted.toString(), "--server.port=0", "--iotcert.mail.catcher.enabled=false"));
    FileSystemUtils.deleteRecursively(dir.resolve("data"));
    System.out.printf("[bench] class-data sharing archive written in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, archive);
    jvmArgs.add("-XX:SharedArchiveFile=" + archive);
    return extracted;
  }

  private static void run(Path dir, List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("prepare.log").toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("failed (see " + dir.resolve("prepare.log") + "): " + String.join(" ", command));
    }
  }

  private void run() throws Exception {
    Files.createDirectories(out);
    admin("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
    try {
      machine();
      ceiling();
      App app = App.start(jar, out.resolve("app"), "1-fresh", jvmArgs, jdbcUrl, PG_USER, true);
      try {
        startup("fresh database (schema created)", app);
        disclosure = disclosure(app);
        submissions(app);
        wholeApplications(app);
        memory("after submissions and whole applications", app, false);
        // Import and registry before the storm, in an application whose job executor is on and has no
        // backlog, as an installation's is: run after the storm, the storm's remaining expiries took the
        // cores from them (the registry figures of the first full runs were measured that way).
        phase("5. Import", () -> imports(app));
        phase("6. Registry", () -> registry(app));
        memory("after import and registry", app, true);
      } finally {
        app.close();
      }
      App afterStorm = timerStorm();
      try {
        memory("after the storm (all the load)", afterStorm, true);
      } finally {
        afterStorm.close();
      }
    } finally {
      if (!Boolean.getBoolean("bench.keepDb")) {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      } else {
        report.note("database kept: " + database);
      }
      System.out.println();
      System.out.println(report.markdown());
      report.write(out);
      System.out.println("[bench] written to " + out.resolve("results.md"));
    }
  }

  private void machine() throws SQLException {
    long memKb = 0;
    try {
      memKb = Files.readAllLines(Paths.get("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
    } catch (Exception e) {
      // not Linux
    }
    StringBuilder pg = new StringBuilder();
    try (Connection c = db(); Statement s = c.createStatement()) {
      for (String setting : List.of("server_version", "shared_buffers", "synchronous_commit", "fsync",
          "max_connections", "wal_buffers", "commit_delay")) {
        try (ResultSet r = s.executeQuery("SHOW " + setting)) {
          r.next();
          pg.append(setting).append('=').append(r.getString(1)).append(' ');
        }
      }
    }
    report.note("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memKb / 1024 / 1024
        + " GB RAM, Java " + System.getProperty("java.version") + "; load (1 min) at start " + Bench.load());
    report.note("PostgreSQL " + PG_HOST + ":" + PG_PORT + " database " + database + ": " + pg.toString().trim());
    report.note("application: " + jar + "; JVM: " + String.join(" ", jvmArgs) + "; " + CLIENTS + " clients; quick=" + Bench.QUICK);
  }

  // 1. -------------------------------------------------------------------------------------------
  private double ceilingTps;

  private void ceiling() throws Exception {
    int seconds = Bench.param("ceiling.seconds", 15, 3);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(PG_USER);
    config.setMaximumPoolSize(POOL_SIZE);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE bench_ceiling (id bigserial PRIMARY KEY, client int NOT NULL, seq bigint NOT NULL,"
            + " payload varchar(100), at timestamptz NOT NULL DEFAULT now())");
      }
      long commitsBefore = commits();
      Load.Stats stats = Load.forDuration(CLIENTS, Duration.ofSeconds(seconds), (client, seq) -> {
        try (Connection c = pool.getConnection();
            PreparedStatement p = c.prepareStatement("INSERT INTO bench_ceiling (client, seq, payload) VALUES (?, ?, ?)")) {
          p.setInt(1, client);
          p.setLong(2, seq);
          p.setString(3, "ceiling " + client + "-" + seq);
          p.executeUpdate(); // auto-commit: one transaction per row
        }
        return 200;
      });
      ceilingTps = stats.perSecond();
      double commitsPerSecond = (commits() - commitsBefore) / (stats.elapsedNanos / 1e9);
      report.row("1. Ceiling: one-row insert transactions/s (HikariCP " + POOL_SIZE + ", " + CLIENTS + " clients)",
          String.format("%.0f tx/s", ceilingTps), String.format("%s; pg commits/s %.0f; %ds", stats.latencySummary(),
              commitsPerSecond, seconds));
      try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP TABLE bench_ceiling");
      }
    }
  }

  // 2. -------------------------------------------------------------------------------------------
  private void submissions(App app) throws Exception {
    int seconds = Bench.param("submissions.seconds", 30, 8);
    byte[] pdf = Files.readAllBytes(Paths.get("docs/examples/touki.pdf"));
    long commitsBefore = commits();
    Load.Stats stats = Load.forDuration(CLIENTS, Duration.ofSeconds(seconds), submitter(app, pdf, "投入"));
    double commitsPerSecond = (commits() - commitsBefore) / (stats.elapsedNanos / 1e9);
    report.row("2. Submissions/s over HTTP (JSON + PDF), " + CLIENTS + " clients", String.format("%.1f /s",
        stats.perSecond()), stats.latencySummary() + "; " + stats.count() + " in " + seconds + " s " + stats.errorSummary());
    report.row("2. Database commits/s during submissions (pg_stat_database)", String.format("%.0f /s", commitsPerSecond),
        String.format("%.1f %% of the ceiling (1); %.1f commits per submission", 100 * commitsPerSecond / ceilingTps,
            commitsPerSecond / Math.max(0.001, stats.perSecond())));
  }

  /** A client that submits new applications, alternately as provider1 and provider2. */
  private Load.Request submitter(App app, byte[] pdf, String label) {
    ThreadLocal<CaseSteps> steps = ThreadLocal.withInitial(() -> steps(app));
    return (client, seq) -> {
      boolean first = client % 2 == 0;
      ApplicationRequest request = TestApplications.newApplication(first ? TestApplications.PROVIDER1_NUMBER
          : TestApplications.PROVIDER2_NUMBER, "ベンチ" + label + "サービス " + client + "-" + seq + "-" + System.nanoTime(),
          disclosure);
      return steps.get().submit(first ? "provider1" : "provider2", request, pdf).status();
    };
  }

  // 3. -------------------------------------------------------------------------------------------
  private void wholeApplications(App app) throws Exception {
    int count = Bench.param("applications", 40, 8);
    byte[] pdf = Files.readAllBytes(Paths.get("docs/examples/touki.pdf"));
    List<String> items = disclosure.stream().map(DisclosureValue::itemId).toList();
    AtomicInteger next = new AtomicInteger();
    Load.Stats perApplication = new Load.Stats();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      futures.add(pool.submit(() -> {
        CaseSteps steps = steps(app);
        while (next.getAndIncrement() < count) {
          long start = System.nanoTime();
          String error = null;
          try {
            // provider1: committee3 declared an interest, so committee1 and committee2 give opinions.
            String no = steps.submitNew("provider1", TestApplications.newApplication(TestApplications.PROVIDER1_NUMBER,
                "ベンチ認定サービス " + System.nanoTime(), disclosure), pdf);
            steps.workToCertification(no, items, () -> { });
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!"CERTIFIED".equals(steps.call("provider1", "GET", "/api/applications/" + no, null).body()
                .path("status").asText())) {
              if (System.nanoTime() > deadline) {
                throw new IllegalStateException(no + " not certified within 2 minutes");
              }
              Bench.sleep(Duration.ofMillis(100));
            }
          } catch (RuntimeException e) {
            error = e.getMessage();
          }
          perApplication.record(System.nanoTime() - start, error == null, error);
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    perApplication.elapsedNanos = System.nanoTime() - t0;
    report.row("3. Whole applications/s, submitted → CERTIFIED (tasks via /engine-rest)", String.format("%.2f /s",
        perApplication.perSecond()), count + " applications, " + CLIENTS + " clients; each " + perApplication
        .latencySummary() + " " + perApplication.errorSummary());
  }

  // 4. -------------------------------------------------------------------------------------------
  private App timerStorm() throws Exception {
    int n = Bench.param("storm.n", 10000, 300);
    int timeout = Bench.param("storm.timeoutSeconds", 300, 120);
    // Validity ended a week ago, for all of them on the same day: one moment due for all.
    LocalDate certifiedOn = today.minusYears(2).minusDays(7);
    int first = nextSerial.get();
    App seeding = App.start(jar, out.resolve("app"), "2-storm-seed", jvmArgs, jdbcUrl, PG_USER, false);
    try {
      startup("restart, job executor off", seeding);
      ImportResult seeded = importEntries(seeding, n, i -> seeds.valid(i, certifiedOn));
      report.row("4. Storm seed: import entries/s, job executor OFF (overdue VALID)", String.format("%.1f /s",
          seeded.perSecond()), seeded.describe());
    } finally {
      seeding.close();
    }
    int last = nextSerial.get() - 1;
    long jobsBefore = successfulJobs();
    long t0 = System.nanoTime();
    App app = App.start(jar, out.resolve("app"), "3-storm", jvmArgs, jdbcUrl, PG_USER, true);
    startup("restart with " + n + " due timers, job executor on", app);
    byte[] pdf = Files.readAllBytes(Paths.get("docs/examples/touki.pdf"));
    AtomicBoolean stop = new AtomicBoolean();
    // Meanwhile: one client submitting, one listing staff's group tasks as Tasklist does.
    ExecutorService background = Executors.newFixedThreadPool(2);
    Future<Load.Stats> submissions = background.submit(() -> Load.until(1, stop, c -> submitter(app, pdf, "嵐")));
    Future<Load.Stats> tasklist = background.submit(() -> Load.until(1, stop, c -> {
      CaseSteps steps = steps(app);
      return (client, seq) -> steps.call("staff1", "GET", "/engine-rest/task?candidateGroup=staff&sortBy=created"
          + "&sortOrder=desc&firstResult=0&maxResults=15", null).status();
    }));
    long done = 0;
    // The wait is counted from health UP: a slow start must not eat it (the time reported runs from the process start).
    long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
    while (System.nanoTime() < deadline) {
      done = expiredAndPublished(first, last);
      if (done >= n) {
        break;
      }
      Bench.sleep(Duration.ofMillis(250));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    stop.set(true);
    Load.Stats submitted = submissions.get();
    Load.Stats listed = tasklist.get();
    background.shutdown();
    long jobs = successfulJobs() - jobsBefore;
    report.row("4. Timer storm: " + n + " expiries due at once → EXPIRED and published", done >= n
        ? String.format("%.1f s", seconds) : "NOT DONE: " + done + " of " + n + String.format(" in %.0f s", seconds),
        String.format("%.1f expiries/s, %.1f jobs/s (%d successful jobs, history job log), from process start", done
            / seconds, jobs / seconds, jobs));
    report.row("4. Submissions during the storm (1 client)", String.format("%.1f /s", submitted.perSecond()),
        submitted.latencySummary() + " " + submitted.errorSummary());
    report.row("4. Tasklist list (/engine-rest/task, staff1) during the storm (1 client)", String.format("%.1f /s",
        listed.perSecond()), listed.latencySummary() + " " + listed.errorSummary());
    return app;
  }

  // 5. -------------------------------------------------------------------------------------------
  private void imports(App app) throws Exception {
    int n = Bench.param("import.n", 5000, 300);
    LocalDate certifiedOn = today.minusDays(30);
    ImportResult result = importEntries(app, n, i -> seeds.valid(i, certifiedOn));
    report.row("5. Import entries/s, job executor ON (VALID, certified 30 days ago)", String.format("%.1f /s",
        result.perSecond()), result.describe());
  }

  // 6. -------------------------------------------------------------------------------------------
  private void registry(App app) throws Exception {
    int target = Bench.param("registry.n", 100000, 2000);
    int seconds = Bench.param("registry.seconds", 15, 4);
    long existing = count("SELECT count(*) FROM certification");
    if (existing < target) {
      ImportResult seeded = importEntries(app, (int) (target - existing), i -> seeds.ended(i, today));
      report.row("6. Registry seed: import of ended entries/s (no process)", String.format("%.1f /s",
          seeded.perSecond()), seeded.describe());
    }
    long total = count("SELECT count(*) FROM certification");
    // As autovacuum would after a bulk load; the plans then are those of a settled database.
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
    report.note("registry phase: " + total + " certifications in the register (target " + target + ")");
    // The JIT compiles the request path during the first seconds: warm it on every kind of request first.
    int warmup = Bench.param("registry.warmupSeconds", 30, 10);
    List<Supplier<String>> kinds = List.of(() -> lookup(seeds.pick(seeds.numbers)),
        () -> query(seeds.pick(seeds.threePlus)), () -> query(seeds.pick(seeds.ascii)),
        () -> query(seeds.pick(seeds.corporate)));
    AtomicInteger turn = new AtomicInteger();
    search(app, null, warmup, () -> kinds.get(turn.getAndIncrement() % kinds.size()).get());
    search(app, "6. Registry lookup by number (/api/public/certifications/{no})", seconds, () ->
        lookup(seeds.pick(seeds.numbers)));
    search(app, "6. Registry search, Japanese 2 characters", seconds, () -> query(seeds.pick(seeds.twoChar)));
    search(app, "6. Registry search, Japanese 3+ characters", seconds, () -> query(seeds.pick(seeds.threePlus)));
    search(app, "6. Registry search, ASCII", seconds, () -> query(seeds.pick(seeds.ascii)));
    search(app, "6. Registry search, corporate number", seconds, () -> query(seeds.pick(seeds.corporate)));
  }

  private static String lookup(String number) {
    return "/api/public/certifications/" + URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(String term) {
    return "/api/public/certifications?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8);
  }

  /**
   * The registry's load: anonymous GETs as a browser or a script sends them, keep-alive. The client
   * shares the two cores with the application, so it must stay light: Apache HttpClient's blocking
   * client (java.net.http took a whole core for 1,700 lookups/s, this one under half a core for 3,000/s),
   * every answer read whole, only every 20th parsed (to count its entries).
   */
  private void search(App app, String figure, int seconds, Supplier<String> path) {
    AtomicLong results = new AtomicLong();
    AtomicLong sampled = new AtomicLong();
    List<CloseableHttpClient> clients = new CopyOnWriteArrayList<>();
    Load.Stats stats = Load.until(CLIENTS, stopAfter(seconds), c -> {
      CloseableHttpClient http = HttpClients.createMinimal();
      clients.add(http);
      return (client, seq) -> {
        HttpGet get = new HttpGet(app.baseUrl + path.get());
        get.setHeader("Accept", "application/json");
        return http.execute(get, answer -> {
          byte[] body = EntityUtils.toByteArray(answer.getEntity());
          if (seq % 20 == 0 && answer.getCode() == 200) {
            JsonNode read = json.readTree(body);
            results.addAndGet(read.isArray() ? read.size() : 1);
            sampled.incrementAndGet();
          }
          return answer.getCode();
        });
      };
    });
    for (CloseableHttpClient http : clients) {
      http.close(CloseMode.IMMEDIATE);
    }
    if (figure == null) {
      return; // a warm-up
    }
    report.row(figure, String.format("%.0f /s", stats.perSecond()), stats.latencySummary() + String.format(
        "; %.1f entries per answer (sampled); ", results.get() / (double) Math.max(1, sampled.get())) + CLIENTS
        + " clients " + stats.errorSummary());
  }

  private static AtomicBoolean stopAfter(int seconds) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread t = new Thread(() -> {
      Bench.sleep(Duration.ofSeconds(seconds));
      stop.set(true);
    });
    t.setDaemon(true);
    t.start();
    return stop;
  }

  // Imports ----------------------------------------------------------------------------------------
  record ImportResult(int requested, long created, long rejected, double seconds, int batch, int clients,
      String firstRejection) {
    double perSecond() {
      return created / seconds;
    }

    String describe() {
      return String.format("%d created of %d in %.1f s, batches of %d, %d clients%s", created, requested, seconds,
          batch, clients, rejected == 0 ? "" : "; " + rejected + " rejected (first: " + firstRejection + ")");
    }
  }

  /**
   * Imports {@code n} entries in batches from parallel clients as staff1. Stops early when a whole
   * batch is rejected (e.g. the number format at its limit), and says so.
   */
  private ImportResult importEntries(App app, int n, java.util.function.IntFunction<Map<String, Object>> entry)
      throws Exception {
    int batch = Bench.param("import.batch", 500, 100);
    int clients = Bench.param("import.clients", 4, 2);
    AtomicInteger remaining = new AtomicInteger(n);
    AtomicLong created = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    AtomicBoolean halt = new AtomicBoolean();
    StringBuffer firstRejection = new StringBuffer();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        CaseSteps steps = steps(app);
        while (!halt.get()) {
          int size = Math.min(batch, remaining.getAndAdd(-batch));
          if (size <= 0) {
            return null;
          }
          List<Map<String, Object>> entries = new ArrayList<>();
          synchronized (seeds) {
            for (int i = 0; i < size; i++) {
              entries.add(entry.apply(nextSerial.getAndIncrement()));
            }
          }
          CaseSteps.Answer answer = steps.call("staff1", "POST", "/api/certifications/imports", entries);
          if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("import answered " + answer.status() + ": " + answer.body());
          }
          long ok = 0;
          for (JsonNode result : answer.body().path("results")) {
            if ("CREATED".equals(result.path("result").asText())) {
              ok++;
            } else {
              rejected.incrementAndGet();
              synchronized (firstRejection) {
                if (firstRejection.length() == 0) {
                  firstRejection.append(result);
                }
              }
            }
          }
          created.addAndGet(ok);
          if (ok == 0) {
            halt.set(true);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (halt.get()) {
      report.note("import stopped early: a whole batch was rejected: " + firstRejection);
    }
    return new ImportResult(n, created.get(), rejected.get(), seconds, batch, clients, firstRejection.toString());
  }

  interface Phase {
    void run() throws Exception;
  }

  /** A phase that fails is reported as such, and the next ones still run. */
  private void phase(String name, Phase phase) {
    try {
      phase.run();
    } catch (Exception e) {
      report.row(name, "FAILED", e.toString());
      e.printStackTrace();
    }
  }

  // 7. and helpers ---------------------------------------------------------------------------------
  private void startup(String when, App app) {
    double[] mem = app.memoryMb();
    report.row("7. Start-up, " + when, String.format("%.1f s", app.startSeconds), String.format(
        "process start → health UP (Spring's own: %.1f s); CPU used %.1f s (user + system, barely load-dependent);"
            + " RSS %.0f MB, peak %.0f MB", app.springSeconds(), app.startCpuSeconds, mem[0], mem[1]));
  }

  private void memory(String when, App app, boolean live) {
    double[] mem = app.memoryMb();
    report.row("7. Resident memory " + when, String.format("%.0f MB", mem[0]), String.format("peak (VmHWM) %.0f MB; %s",
        mem[1], app.heapInfo(live)));
  }

  private List<DisclosureValue> disclosure(App app) {
    List<DisclosureValue> values = new ArrayList<>();
    for (JsonNode item : steps(app).call("provider1", "GET", "/api/disclosure-items", null).body()) {
      String id = item.get("itemId").asText();
      // As TestApplications.fullDisclosure: B-01 is the disclosure's date, the others text.
      values.add(new DisclosureValue(id, id.equals("B-01") ? today.minusDays(1).toString()
          : "開示内容: " + item.get("name").asText()));
    }
    return values;
  }

  private CaseSteps steps(App app) {
    return new CaseSteps(app.baseUrl, json, Duration.ofMillis(100), Duration.ofMinutes(2));
  }

  private long expiredAndPublished(int firstSerial, int lastSerial) throws SQLException {
    try (Connection c = db(); PreparedStatement p = c.prepareStatement("SELECT count(*) FROM certification c"
        + " WHERE c.serial BETWEEN ? AND ? AND c.status = 'EXPIRED' AND EXISTS (SELECT 1 FROM certification_event e"
        + " WHERE e.certification_number = c.certification_number AND e.event = 'EXPIRED')")) {
      p.setInt(1, firstSerial);
      p.setInt(2, lastSerial);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** Jobs that ran successfully, from the history's job log (history level full; JOB_STATE_ 2 = successful). */
  private long successfulJobs() throws SQLException {
    return count("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2");
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Transactions committed in the benchmark's database so far (pg_stat_database, fresh snapshot). */
  private long commits() throws SQLException {
    // A backend reports its counts at most once a second, and an idle one only after 10 s
    // (PostgreSQL 15, PGSTAT_IDLE_INTERVAL): let the last ones arrive.
    Bench.sleep(Duration.ofMillis(11000));
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet r = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'")) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private Connection db() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, PG_USER, "");
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres",
        PG_USER, ""); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
