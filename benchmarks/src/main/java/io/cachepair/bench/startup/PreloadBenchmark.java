package io.cachepair.bench.startup;

import io.cachepair.bench.Scale;
import io.cachepair.bench.fleet.Launch;
import io.cachepair.bench.fleet.Pair;
import io.cachepair.bench.fleet.ServiceLog;
import io.cachepair.bench.report.Results;
import io.cachepair.testsupport.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * For each size: a first menu start generates the dishes into an empty database ({@code
 * cachepair.menu.generate}) and stops; a second start, on a fresh cluster with that database, is
 * the one measured — launch to ready, split by what the menu logs (Spring started, waiting for the
 * caches, preloading, done) and by a separate timing of the database read.
 */
public final class PreloadBenchmark {

  private static final int PRELOAD_BATCH = 2000;

  private PreloadBenchmark() {}

  /**
   * Runs every size of the scale.
   *
   * @param scale the sizes
   * @param work data and logs
   * @param results where the figures go
   */
  public static void run(Scale scale, Path work, Results results) throws Exception {
    for (int size : scale.preloadSizes()) {
      String label =
          size >= 1_000_000 ? size / 1_000_000 + "M" : size >= 1000 ? size / 1000 + "k" : "" + size;
      Path data = work.resolve("data").resolve("menu-" + label);
      String heap = scale.preloadHeap(size);
      try (Pair generating = new Pair("bench-preload-gen", work, heap)) {
        ServiceProcess gen =
            generating.menu(
                "menu-" + label + "-gen", Map.of("cachepair.menu.generate", size), data, heap);
        Launch.start(gen).awaitReadyMillis(Duration.ofMinutes(15));
        gen.stop(Duration.ofSeconds(60));
      }
      try (Pair measured = new Pair("bench-preload", work, heap)) {
        ServiceProcess menu = measured.menu("menu-" + label, Map.of(), data, heap);
        Launch launch = Launch.start(menu);
        double ready = launch.awaitReadyMillis(Duration.ofMinutes(15));
        menu.stop(Duration.ofSeconds(60));
        record(results, label, size, launch, ready);
      }
      double dbRead = MenuDbRead.millis(data, PRELOAD_BATCH);
      results.add("preload", label + ": DB read (benchmark re-reads the menu DB)", dbRead, "ms");
      ServiceLog log = new ServiceLog(work.resolve("logs").resolve("menu-" + label + "-1.log"));
      Instant preloading = log.timeOf("Preloading ").orElseThrow();
      Instant done = log.timeOf("Preload done").orElseThrow();
      double streaming = Duration.between(preloading, done).toMillis();
      double cacheWork = Math.max(0, streaming - dbRead);
      if (size == 100_000) {
        results.add(
            "preload",
            label + ": cache load (DB->cache phase minus DB read)",
            cacheWork,
            "ms",
            "<= 2000 ms",
            cacheWork <= 2000);
      } else {
        results.add(
            "preload", label + ": cache load (DB->cache phase minus DB read)", cacheWork, "ms");
      }
    }
  }

  private static void record(Results results, String label, int size, Launch launch, double ready) {
    ServiceLog log = launch.log();
    results.add("preload", label + ": launch -> ready", ready, "ms");
    log.number("process running for ([0-9.]+)")
        .ifPresent(
            s ->
                results.add(
                    "preload",
                    label + ": JVM + Spring start (Boot's 'process running for')",
                    s * 1000,
                    "ms"));
    Instant waiting = log.timeOf("Waiting for the dish caches").orElseThrow();
    Instant preloading = log.timeOf("Preloading ").orElseThrow();
    Instant done = log.timeOf("Preload done").orElseThrow();
    results.add(
        "preload",
        label + ": waiting for the dish caches (join, view)",
        Duration.between(waiting, preloading).toMillis(),
        "ms");
    results.add(
        "preload",
        label + ": DB -> cache phase (logged)",
        Duration.between(preloading, done).toMillis(),
        "ms");
    log.number("took ([0-9]+) ms")
        .ifPresent(
            t -> results.add("preload", label + ": preload runner total (logged 'took')", t, "ms"));
    results.add("preload", label + ": preload done -> ready", ready - launch.millisTo(done), "ms");
    results.add("preload", label + ": dishes", size, "");
  }
}
