package io.cachepair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.bench.report.Figure;
import io.cachepair.bench.report.Results;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole suite at smoke scale so the benchmarks keep compiling and running: it asserts that
 * every benchmark produced its figures, never what they are (timings are for run.sh).
 */
class BenchmarkSmokeIT {

  @Test
  void smokeRun_everyBenchmark_producesItsFigures() {
    // a folder of its own per run: the pair must start from empty databases
    Path work =
        Path.of(System.getProperty("cachepair.bench.work", "target/bench-smoke"))
            .resolve("run-" + System.currentTimeMillis());

    Results results = BenchmarkSuite.run(Scale.SMOKE, work, List.of());

    assertThat(results.notes()).noneMatch(n -> n.startsWith("FAILED"));
    List<String> names = results.figures().stream().map(Figure::name).toList();
    assertThat(names)
        .anyMatch(n -> n.startsWith("localDishes per dish"))
        .anyMatch(n -> n.startsWith("partitionedGet allocated per order"))
        .anyMatch(n -> n.startsWith("concurrentHashMap per dish"))
        .anyMatch(n -> n.startsWith("cache: put -> listener") && n.endsWith("p99"))
        .anyMatch(n -> n.startsWith("REST: POST -> seen in replica") && n.endsWith("p99"))
        .anyMatch(n -> n.contains("until every replica holds all"))
        .anyMatch(n -> n.contains("most stale replica max"))
        .anyMatch(n -> n.startsWith("ratio order-service / baseline"))
        .anyMatch(n -> n.contains("view synchronized"))
        .anyMatch(n -> n.contains("launch -> ready"))
        .anyMatch(n -> n.contains("worst member heap per dish"))
        .anyMatch(n -> n.startsWith("kill -9 menu -> gone from every replica"))
        .anyMatch(n -> n.contains("cache load"));
    assertThat(results.figures()).allMatch(f -> Double.isFinite(f.value()));
    assertThat(results.toJson().path("figures").size()).isEqualTo(results.figures().size());
  }
}
