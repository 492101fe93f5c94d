package jp.iotcert.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application as its own JVM (`java -jar`), as an installation runs it, so that its
 * start-up time and resident memory are real: the demo profile (the accounts the load uses) with
 * the datasource pointed at the benchmark's database, like the end-to-end tests do.
 */
final class App implements AutoCloseable {

  /** Generous: on a busy shared machine a start has taken over 3 minutes. */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(Bench.param("startTimeoutMinutes", 15, 15));
  private static final Pattern SPRING_STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

  final String baseUrl;
  final double startSeconds;
  /** CPU seconds used by the time health was UP. */
  double startCpuSeconds;
  final Path log;
  private final Process process;

  private App(Process process, String baseUrl, double startSeconds, Path log) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.startSeconds = startSeconds;
    this.log = log;
  }

  /** Starts the jar and waits until /actuator/health answers UP; the time is process start → UP. */
  static App start(Path jar, Path workDir, String name, List<String> jvmArgs, String jdbcUrl, String dbUser,
      boolean jobExecutor) {
    try {
      int port = freePort();
      Files.createDirectories(workDir);
      Path log = workDir.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmArgs);
      command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
          "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + dbUser,
          "--spring.datasource.password=", "--camunda.bpm.job-execution.enabled=" + jobExecutor));
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      // The demo profile's mail catcher on a port of its own, so that runs on one machine do not collide.
      builder.environment().put("IOTCERT_MAIL_CATCHER_PORT", Integer.toString(freePort()));
      long t0 = System.nanoTime();
      Process process = builder.start();
      String baseUrl = "http://127.0.0.1:" + port;
      awaitUp(process, baseUrl, log);
      double seconds = (System.nanoTime() - t0) / 1e9;
      App app = new App(process, baseUrl, seconds, log);
      app.startCpuSeconds = app.cpuSeconds();
      return app;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spring's own "Started … in N seconds" from the log (JVM start → context refreshed), or NaN. */
  double springSeconds() {
    try {
      Matcher m = SPRING_STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
      return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /**
   * CPU seconds the process has used (user + system, /proc/&lt;pid&gt;/stat): unlike the wall-clock
   * start-up time, hardly changed by other processes on the cores, so start-ups on a busy machine
   * still compare. NaN off Linux.
   */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Paths.get("/proc", Long.toString(process.pid()), "stat"));
      // The fields after the command's name in parentheses; utime and stime are the 14th and 15th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** VmRSS and VmHWM (peak) from /proc/&lt;pid&gt;/status, in MB; NaN off Linux. */
  double[] memoryMb() {
    try {
      double rss = Double.NaN;
      double hwm = Double.NaN;
      for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kb(line) / 1024.0;
        } else if (line.startsWith("VmHWM:")) {
          hwm = kb(line) / 1024.0;
        }
      }
      return new double[] {rss, hwm};
    } catch (IOException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  /**
   * The heap's first line from `jcmd <pid> GC.heap_info` (size and use), or why not; after a full
   * collection ({@code live}) the use is the live set, what the heap must hold.
   */
  String heapInfo(boolean live) {
    try {
      if (live) {
        new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
      }
      Process jcmd = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
      String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(30, TimeUnit.SECONDS);
      // G1 and Parallel print one "... heap total …, used …" line; Serial one per generation ("def new
      // generation", "tenured generation"): every line with a total, joined.
      String totals = output.lines().filter(l -> l.contains("total") && l.contains("used") && !l.contains("Metaspace")
          && !l.contains("class space")).map(l -> l.trim().replaceAll("\\s+", " ").replaceAll(" \\[0x.*", ""))
          .collect(java.util.stream.Collectors.joining("; "));
      return (live ? "after a full GC: " : "") + (totals.isEmpty() ? "no heap info" : totals);
    } catch (IOException e) {
      return "no heap info: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no heap info";
    }
  }

  /** SIGTERM and wait: Spring closes the engine and the pool as on an orderly shutdown. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long kb(String line) {
    return Long.parseLong(Arrays.stream(line.split("\\s+")).filter(t -> t.matches("\\d+")).findFirst().orElse("0"));
  }

  private static void awaitUp(Process process, String baseUrl, Path log) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited with " + process.exitValue()
            + " during start-up; its log: " + log);
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Bench.sleep(Duration.ofMillis(100));
    }
    process.destroyForcibly();
    throw new IllegalStateException("The application was not UP within " + START_TIMEOUT + "; its log: " + log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
