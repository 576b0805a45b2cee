package io.cachepair.bench.propagation;

import io.cachepair.bench.Scale;
import io.cachepair.bench.fleet.BenchDishes;
import io.cachepair.bench.report.Latencies;
import io.cachepair.bench.report.Results;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Paced {@code POST /api/dishes} on the menu; for every write, each order replica's {@code GET
 * /api/menu/{id}} is polled every 0.5 ms until the dish is there. Also reads the replicas' own
 * {@code cachepair_replication_lag_seconds} afterwards.
 */
public final class RestPropagation {

  private RestPropagation() {}

  /**
   * Runs the paced writes.
   *
   * @param menu the menu
   * @param replicas the order replicas
   * @param scale the rate and duration
   * @param results where the figures go
   */
  public static void run(
      ServiceProcess menu, List<ServiceProcess> replicas, Scale scale, Results results)
      throws Exception {
    int warmup = Math.max(1, scale.propagationSeconds() / 5);
    pace(menu, replicas, "warm", scale.writesPerSecond(), warmup);
    Measured m = pace(menu, replicas, "prop", scale.writesPerSecond(), scale.propagationSeconds());
    String rate = scale.writesPerSecond() + "/s";
    results.addLatencies(
        "propagation", "REST: POST -> seen in replica, " + rate, m.seen.summary(), null, null);
    results.addLatencies("propagation", "REST: POST answered (201)", m.ack.summary(), null, null);
    results.addLatencies(
        "propagation",
        "REST: 201 -> seen in replica (poll bound)",
        m.afterAck.summary(),
        null,
        null);
    results.add("propagation", "REST: failed writes or reads", m.failures.get(), "");
    for (ServiceProcess r : replicas) {
      HttpResult p = r.management().get("/actuator/prometheus");
      for (String line : p.body().split("\n")) {
        if (line.startsWith("cachepair_replication_lag_seconds{")
            || line.startsWith("cachepair_replication_lag_seconds_max{")) {
          String name =
              line.contains("quantile=\"0.5\"") ? "p50" : line.contains("0.99") ? "p99" : "max";
          double ms = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) * 1000;
          results.add(
              "propagation",
              "service metric on " + r.name() + ": updatedAt -> view " + name + " (last 2 min)",
              ms,
              "ms");
        }
      }
    }
  }

  /** The samples of one paced run. */
  private record Measured(
      Latencies seen, Latencies ack, Latencies afterAck, AtomicInteger failures) {}

  private static Measured pace(
      ServiceProcess menu, List<ServiceProcess> replicas, String prefix, int perSecond, int seconds)
      throws InterruptedException {
    Measured m =
        new Measured(new Latencies(), new Latencies(), new Latencies(), new AtomicInteger());
    ExecutorService pool = Executors.newFixedThreadPool(16 + 16 * replicas.size());
    long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < perSecond * seconds; i++) {
      long due = start + i * period;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int n = i;
      pool.execute(() -> write(menu, replicas, prefix, n, m, pool));
    }
    Thread.sleep(2_000);
    pool.shutdown();
    if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
      pool.shutdownNow();
    }
    return m;
  }

  private static void write(
      ServiceProcess menu,
      List<ServiceProcess> replicas,
      String prefix,
      int n,
      Measured m,
      ExecutorService pool) {
    String id = BenchDishes.id(prefix, n);
    long t0 = System.nanoTime();
    try {
      HttpResult r = menu.http().post("/api/dishes", BenchDishes.request(prefix, n));
      long acked = System.nanoTime();
      if (r.status() != 201) {
        m.failures.incrementAndGet();
        return;
      }
      m.ack.add(acked - t0);
      for (ServiceProcess replica : replicas) {
        pool.execute(() -> poll(replica, id, t0, acked, m));
      }
    } catch (RuntimeException e) {
      m.failures.incrementAndGet();
    }
  }

  private static void poll(ServiceProcess replica, String id, long t0, long acked, Measured m) {
    long deadline = acked + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try {
        if (replica.http().get("/api/menu/" + id).status() == 200) {
          long seen = System.nanoTime();
          m.seen.add(seen - t0);
          m.afterAck.add(seen - acked);
          return;
        }
      } catch (RuntimeException e) {
        // retry until the deadline
      }
      // a pause, so that the pollers of 200 writes/s do not starve the services of the 2 cores
      LockSupport.parkNanos(500_000);
    }
    m.failures.incrementAndGet();
  }
}
