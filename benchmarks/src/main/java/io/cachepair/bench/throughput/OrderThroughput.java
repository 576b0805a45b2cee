package io.cachepair.bench.throughput;

import io.cachepair.bench.Scale;
import io.cachepair.bench.fleet.BenchDishes;
import io.cachepair.bench.report.Results;
import io.cachepair.testsupport.net.FreePorts;
import io.cachepair.testsupport.process.ChildJvm;
import io.cachepair.testsupport.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Order throughput and latency of order-service and of the remote-lookup baseline at each
 * concurrency level, the two measured level by level in the same run, and their ratio.
 */
public final class OrderThroughput {

  private OrderThroughput() {}

  /**
   * Runs the levels.
   *
   * @param menu the menu the baseline asks for dishes
   * @param order the order replica under test
   * @param dishCount dishes {@code bench-000000..} on the menu
   * @param scale levels and bounds
   * @param work where the baseline's database and log go
   * @param results where the figures go
   */
  public static void run(
      ServiceProcess menu,
      ServiceProcess order,
      int dishCount,
      Scale scale,
      Path work,
      Results results)
      throws Exception {
    int port = FreePorts.pick();
    List<String> jvm =
        List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-Djava.net.preferIPv4Stack=true");
    try (ChildJvm baseline =
        ChildJvm.startOnThisClasspath(
            "remote-lookup-baseline",
            jvm,
            RemoteLookupOrderServer.class,
            List.of(
                String.valueOf(port),
                menu.http().base(),
                work.resolve("baseline-db").resolve("orders").toAbsolutePath().toString()),
            work)) {
      baseline.await("LISTENING", Duration.ofMinutes(1));
      String baselineUrl = "http://127.0.0.1:" + port;
      Duration warm = Duration.ofMillis(Math.max(500, scale.throughputSeconds() * 300L));
      LoadGenerator.run(
          order.http().base(),
          4,
          warm,
          scale.throughputMaxRequests(),
          BenchDishes::benchId,
          dishCount);
      LoadGenerator.run(
          baselineUrl, 4, warm, scale.throughputMaxRequests(), BenchDishes::benchId, dishCount);
      Duration level = Duration.ofSeconds(scale.throughputSeconds());
      for (int c : scale.concurrencies()) {
        LoadGenerator.Outcome local =
            LoadGenerator.run(
                order.http().base(),
                c,
                level,
                scale.throughputMaxRequests(),
                BenchDishes::benchId,
                dishCount);
        LoadGenerator.Outcome remote =
            LoadGenerator.run(
                baselineUrl,
                c,
                level,
                scale.throughputMaxRequests(),
                BenchDishes::benchId,
                dishCount);
        record(results, "order-service c=" + c, local);
        record(results, "remote-lookup baseline c=" + c, remote);
        double ratio = local.throughput() / remote.throughput();
        results.add(
            "throughput", "ratio order-service / baseline c=" + c, ratio, "x", ">= 5x", ratio >= 5);
      }
    }
  }

  private static void record(Results results, String label, LoadGenerator.Outcome o) {
    results.add("throughput", label + " throughput", o.throughput(), "orders/s");
    results.add("throughput", label + " p50", o.latencies().p50(), "ms");
    results.add("throughput", label + " p99", o.latencies().p99(), "ms");
    if (o.failed() > 0) {
      results.add("throughput", label + " failed requests", o.failed(), "");
    }
  }
}
