package jp.iotcert.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Closed-loop load: {@code clients} threads each send one request after the other for a while (or
 * until stopped) and record every request's latency. No think time: the figures are the system's
 * capacity at that concurrency.
 */
final class Load {

  /** One client's next request: returns the HTTP status (2xx counts as success). */
  interface Request {
    int send(int client, long sequence) throws Exception;
  }

  /** Latencies in nanoseconds and outcomes of one phase. */
  static final class Stats {
    private long[] latencies = new long[1024];
    private int count;
    long errors;
    long elapsedNanos;
    String firstError;

    synchronized void record(long nanos, boolean ok, String error) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
      if (!ok) {
        errors++;
        if (firstError == null) {
          firstError = error;
        }
      }
    }

    synchronized void merge(Stats other) {
      for (int i = 0; i < other.count; i++) {
        record(other.latencies[i], true, null);
      }
      errors += other.errors;
      if (firstError == null) {
        firstError = other.firstError;
      }
    }

    synchronized long count() {
      return count;
    }

    double perSecond() {
      return elapsedNanos == 0 ? 0 : count() * 1e9 / elapsedNanos;
    }

    /** The latency at a percentile (0–100), in milliseconds, nearest-rank. */
    synchronized double percentileMillis(double percentile) {
      if (count == 0) {
        return Double.NaN;
      }
      long[] sorted = Arrays.copyOf(latencies, count);
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(percentile / 100.0 * count) - 1;
      return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    String latencySummary() {
      return String.format("p50 %.0f / p95 %.0f / p99 %.0f ms", percentileMillis(50), percentileMillis(95),
          percentileMillis(99));
    }

    String errorSummary() {
      return errors == 0 ? "" : errors + " failed (first: " + firstError + ")";
    }
  }

  private Load() {}

  /** Runs {@code clients} loops for {@code duration}. */
  static Stats forDuration(int clients, Duration duration, Request request) {
    AtomicBoolean stop = new AtomicBoolean();
    Thread timer = new Thread(() -> {
      Bench.sleep(duration);
      stop.set(true);
    });
    timer.setDaemon(true);
    timer.start();
    return until(clients, stop, c -> request);
  }

  /** Runs {@code clients} loops until {@code stop} is set; {@code requests} gives each client its request. */
  static Stats until(int clients, AtomicBoolean stop, IntFunction<Request> requests) {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Stats>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Request request = requests.apply(client);
      futures.add(pool.submit(() -> {
        Stats mine = new Stats();
        for (long seq = 0; !stop.get(); seq++) {
          long t0 = System.nanoTime();
          int status;
          String error = null;
          try {
            status = request.send(client, seq);
            if (status < 200 || status > 299) {
              error = "HTTP " + status;
            }
          } catch (Exception e) {
            status = -1;
            error = e.toString();
          }
          mine.record(System.nanoTime() - t0, error == null, error);
          if (error != null && status == -1) {
            Bench.sleep(Duration.ofMillis(50)); // a refused connection must not spin
          }
        }
        return mine;
      }));
    }
    Stats all = new Stats();
    for (Future<Stats> f : futures) {
      try {
        all.merge(f.get());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    all.elapsedNanos = System.nanoTime() - start;
    pool.shutdown();
    return all;
  }
}
