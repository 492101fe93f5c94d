package jp.iotcert.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's parameters (system properties `bench.*`), the report and small helpers. */
final class Bench {

  /** `-Dbench.quick=true`: small numbers and short phases, to try the benchmark in a minute or two. */
  static final boolean QUICK = Boolean.getBoolean("bench.quick");

  private Bench() {}

  /** A whole-number parameter: `-Dbench.<name>`, else the default (the quick one under bench.quick). */
  static int param(String name, int full, int quick) {
    String value = System.getProperty("bench." + name);
    return value == null || value.isBlank() ? (QUICK ? quick : full) : Integer.parseInt(value.trim());
  }

  static String param(String name, String fallback) {
    String value = System.getProperty("bench." + name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The machine's 1-minute load average: the other processes on the cores shape every figure. */
  static String load() {
    try {
      return Files.readString(Paths.get("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The figures, printed as they come and as a Markdown table at the end. */
  static final class Report {
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void row(String figure, String value, String detail) {
      String[] row = {figure, value, detail, load()};
      rows.add(row);
      System.out.printf("[bench] %-58s %-22s %s (load %s)%n", figure, value, detail, row[3]);
    }

    void note(String note) {
      notes.add(note);
      System.out.println("[bench] " + note);
    }

    String markdown() {
      StringBuilder s = new StringBuilder();
      for (String note : notes) {
        s.append("- ").append(note).append('\n');
      }
      s.append("\n| Figure | Value | Detail | Load (1 min) |\n|---|---|---|---|\n");
      for (String[] r : rows) {
        s.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2].replace("|", "/"))
            .append(" | ").append(r[3]).append(" |\n");
      }
      return s.toString();
    }

    void write(Path dir) throws IOException {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("results.md"), "# Benchmark results\n\n" + markdown());
    }
  }
}
