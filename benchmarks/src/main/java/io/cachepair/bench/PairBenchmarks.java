package io.cachepair.bench;

import io.cachepair.bench.failure.FailureDetection;
import io.cachepair.bench.fleet.BenchDishes;
import io.cachepair.bench.fleet.Launch;
import io.cachepair.bench.fleet.Pair;
import io.cachepair.bench.fleet.Views;
import io.cachepair.bench.memory.HeapProbe;
import io.cachepair.bench.memory.MemoryFigures;
import io.cachepair.bench.propagation.BulkImport;
import io.cachepair.bench.propagation.RestPropagation;
import io.cachepair.bench.report.Results;
import io.cachepair.bench.throughput.OrderThroughput;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks that need a running pair, in one fleet so the JVMs start once: memory (empty
 * baseline, the dishes imported, 1 then 2 — or 4 — replicas), a replica joining with the dishes,
 * REST propagation, the bulk import, order throughput against the baseline, and last the kill -9 of
 * the menu.
 */
final class PairBenchmarks {

  private static final Duration START = Duration.ofMinutes(5);

  private PairBenchmarks() {}

  static void run(Scale scale, Path work, Results results) throws Exception {
    try (Pair pair = new Pair("bench-pair", work, scale.serviceHeap())) {
      ServiceProcess menu = pair.menu("menu", Map.of());
      ServiceProcess first = pair.order("order-1");
      Launch menuStart = Launch.start(menu);
      Launch firstStart = Launch.start(first);
      menuStart.awaitReadyMillis(START);
      firstStart.awaitReadyMillis(START);
      long menuEmpty = HeapProbe.liveHeapBytes(menu);
      long orderEmpty = HeapProbe.liveHeapBytes(first);
      results.add("memory", "empty menu live heap (sample menu only)", menuEmpty / 1e6, "MB");
      results.add("memory", "empty order live heap (sample menu only)", orderEmpty / 1e6, "MB");

      int dishes = scale.memoryDishes();
      long sample = Views.count(first);
      long t0 = System.nanoTime();
      for (int from = 0; from < dishes; from += scale.importBatch()) {
        int to = Math.min(dishes, from + scale.importBatch());
        HttpResult r = menu.http().post("/api/dishes/batch", BenchDishes.batch("bench", from, to));
        if (!r.ok()) {
          throw new IllegalStateException("import answered " + r.status() + ": " + r.body());
        }
      }
      Views.awaitAll(List.of(menu, first), sample + dishes, Duration.ofMinutes(5));
      double importSeconds = (System.nanoTime() - t0) / 1e9;
      results.add(
          "memory",
          "REST import of " + dishes + " dishes in batches of " + scale.importBatch(),
          dishes / importSeconds,
          "dishes/s");

      List<ServiceProcess> replicas = new ArrayList<>(List.of(first));
      MemoryFigures.record(
          "1 order replica", List.of(menu, first), menuEmpty, orderEmpty, dishes, results);

      join(pair, replicas, "order-2", dishes, results);
      Views.awaitSafe(first, Duration.ofMinutes(2));
      List<ServiceProcess> members = new ArrayList<>(List.of(menu));
      members.addAll(replicas);
      MemoryFigures.record("2 order replicas", members, menuEmpty, orderEmpty, dishes, results);

      RestPropagation.run(menu, replicas, scale, results);
      BulkImport.run(menu, replicas, scale.bulkImportDishes(), results);
      OrderThroughput.run(menu, first, dishes, scale, work, results);

      if (scale.replicas() > 2) {
        for (int r = 3; r <= scale.replicas(); r++) {
          join(pair, replicas, "order-" + r, dishes, results);
          Views.awaitSafe(first, Duration.ofMinutes(2));
        }
        members = new ArrayList<>(List.of(menu));
        members.addAll(replicas);
        MemoryFigures.record(
            scale.replicas() + " order replicas", members, menuEmpty, orderEmpty, dishes, results);
      }
      FailureDetection.run(menu, replicas, results);
    }
  }

  /** Starts a new order replica into the running pair and records how long its join took. */
  private static void join(
      Pair pair, List<ServiceProcess> replicas, String name, int dishes, Results results) {
    ServiceProcess joiner = pair.order(name);
    Launch launch = Launch.start(joiner);
    double ready = launch.awaitReadyMillis(START);
    replicas.add(joiner);
    String label = "joiner " + name + " (" + dishes + " dishes)";
    double sync =
        launch
            .log()
            .number("Local view of [0-9]+ dishes synchronized in ([0-9]+) ms")
            .orElseThrow(() -> new IllegalStateException(name + " logged no view sync"));
    results.add(
        "join", label + ": view synchronized (getCache)", sync, "ms", "<= 1500 ms", sync <= 1500);
    launch
        .log()
        .timeOf("Local view of")
        .ifPresent(
            t -> results.add("join", label + ": launch -> view full", launch.millisTo(t), "ms"));
    launch
        .log()
        .timeOf("Started cluster Name=")
        .ifPresent(
            t ->
                results.add(
                    "join", label + ": launch -> joined the cluster", launch.millisTo(t), "ms"));
    results.add("join", label + ": launch -> ready", ready, "ms");
  }
}
