package jp.iotcert.e2e;

import java.io.File;
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
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The whole application in a JVM of its own, so a test can kill it as an operating system or an
 * operator does ({@link #kill()}: SIGKILL on Linux, no shutdown hook, no database close) and start
 * it again on the same database. It runs the test classpath with {@link ShiftedClockLauncher} as
 * its main class, in the default (demo) profile, with its output in {@code target/child-logs}.
 */
final class ChildApplication implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final Path log;
  final String baseUrl;

  private ChildApplication(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.baseUrl = "http://localhost:" + port;
  }

  /**
   * Starts the application in {@code workDir} (the embedded H2 default, {@code ./data/iotcert},
   * lands there) and waits until {@code /actuator/health} answers UP.
   *
   * @param clockBehind how far the engine's clock runs behind real time, or null
   * @param arguments Spring arguments, e.g. a datasource URL; they take precedence over application.yaml
   */
  static ChildApplication start(String name, Path workDir, Duration clockBehind, List<String> arguments) {
    try {
      int port = freePort();
      Path logs = Files.createDirectories(Paths.get("target", "child-logs").toAbsolutePath());
      Path log = logs.resolve(name + ".log");
      // The classpath goes through an argument file: a command line of several hundred jars may
      // exceed the operating system's limit for one argument.
      Path argFile = logs.resolve(name + ".args");
      Files.writeString(argFile, "-cp \"" + String.join(File.pathSeparator, classpath()).replace("\\", "\\\\") + "\"\n",
          StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>(List.of(javaExecutable(), "@" + argFile,
          // As in failsafe: the application must not depend on the server's zone.
          "-Duser.timezone=Europe/London", "-Dfile.encoding=UTF-8", "-Xmx768m", "-XX:TieredStopAtLevel=1"));
      if (clockBehind != null) {
        command.add("-D" + ShiftedClockLauncher.CLOCK_BEHIND + "=" + clockBehind);
      }
      command.add(ShiftedClockLauncher.class.getName());
      command.add("--server.port=" + port);
      command.add("--camunda.bpm.job-execution.enabled=true");
      // Off unless the test mails to a server of its own (a repeated option would be read as "false,true").
      if (arguments.stream().noneMatch(a -> a.startsWith("--iotcert.mail.enabled="))) {
        command.add("--iotcert.mail.enabled=false");
      }
      command.addAll(arguments);
      Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      ChildApplication child = new ChildApplication(process, log, port);
      child.awaitHealthy();
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: the process dies at once, whatever it was writing. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  /** SIGTERM: Spring closes the context and the database as on an orderly shutdown. */
  void stop() {
    process.destroy();
    waitForExit();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited with " + process.exitValue() + " during start-up:\n"
            + tail());
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(500));
    }
    kill();
    throw new IllegalStateException("The application did not become healthy within " + START_TIMEOUT + ":\n" + tail());
  }

  /** The end of the child's output, for a failure message. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n(whole log: " + log + ")";
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * The test classpath as separate entries. Failsafe and Surefire run the tests from a manifest-only
   * jar by default, so {@code java.class.path} may be that one jar: its manifest's Class-Path then
   * lists the real entries. Surefire also passes the list as {@code surefire.test.class.path}.
   */
  static List<String> classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    List<String> entries = Arrays.stream(path.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
    if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
      try (JarFile jar = new JarFile(entries.get(0))) {
        Manifest manifest = jar.getManifest();
        String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (listed != null && !listed.isBlank()) {
          URI base = Paths.get(entries.get(0)).toUri();
          return Arrays.stream(listed.trim().split("\\s+"))
              .map(entry -> Paths.get(base.resolve(entry)).toString()).toList();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return entries;
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
