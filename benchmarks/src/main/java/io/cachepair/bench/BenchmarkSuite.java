package io.cachepair.bench;

import io.cachepair.bench.lookup.LookupBenchmark;
import io.cachepair.bench.propagation.CachePropagation;
import io.cachepair.bench.report.DocsTable;
import io.cachepair.bench.report.Machine;
import io.cachepair.bench.report.Results;
import io.cachepair.bench.startup.PreloadBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every benchmark of issue 6 one after the other at one scale, prints the table, writes the
 * JSON and (when asked) regenerates the results part of {@code docs/benchmarks.md}.
 *
 * <p>Usage: {@code BenchmarkSuite smoke|quick|full --work DIR [--json FILE] [--docs FILE]
 * [--command TEXT] [--only SECTION,...]}. A section that fails is noted and the others still run;
 * the exit code is 1 then.
 */
public final class BenchmarkSuite {

  /** One benchmark of the suite. */
  @FunctionalInterface
  interface Section {
    void run(Scale scale, Path work, Results results) throws Exception;
  }

  private BenchmarkSuite() {}

  public static void main(String[] args) {
    Scale scale = Scale.named(args.length > 0 ? args[0] : "quick");
    Path work = Path.of("target", "bench-" + scale.name());
    Path json = null;
    Path docs = null;
    String command = null;
    List<String> only = List.of();
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--work" -> work = Path.of(args[i + 1]);
        case "--json" -> json = Path.of(args[i + 1]);
        case "--docs" -> docs = Path.of(args[i + 1]);
        case "--command" -> command = args[i + 1];
        case "--only" -> only = List.of(args[i + 1].split(","));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // H2 refuses data folders relative to the working directory
    Results results = run(scale, work.toAbsolutePath(), only);
    if (command != null) {
      results.run("command", "`" + command + "`");
    }
    System.out.println();
    System.out.println(results.consoleTable());
    results.notes().forEach(n -> System.out.println("note: " + n));
    if (json != null) {
      results.write(json);
      System.out.println("wrote " + json.toAbsolutePath());
    }
    if (docs != null) {
      DocsTable.update(docs, results);
      System.out.println("updated " + docs.toAbsolutePath());
    }
    boolean failed = results.notes().stream().anyMatch(n -> n.startsWith("FAILED"));
    System.exit(failed ? 1 : 0);
  }

  /**
   * Runs the suite (or some of its sections) and returns what it measured.
   *
   * @param scale the sizes
   * @param work a folder for data, logs and JMH output
   * @param only section names to run, or empty for all
   * @return the results; a failed section leaves a note starting with {@code FAILED}
   */
  public static Results run(Scale scale, Path work, List<String> only) {
    work = work.toAbsolutePath();
    Results results = new Results();
    Instant started = Instant.now();
    results.run("date", started.truncatedTo(ChronoUnit.SECONDS).toString());
    results.run("mode", scale.name());
    Machine.describe()
        .forEach((k, v) -> results.run(k.equals("loadAverage") ? "load before" : k, v));
    List<String> names = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    names.add("lookup");
    sections.add(LookupBenchmark::run);
    names.add("cache");
    sections.add(CachePropagation::run);
    names.add("pair");
    sections.add(PairBenchmarks::run);
    names.add("preload");
    sections.add(PreloadBenchmark::run);
    for (int i = 0; i < sections.size(); i++) {
      String name = names.get(i);
      if (!only.isEmpty() && !only.contains(name)) {
        continue;
      }
      long t0 = System.nanoTime();
      System.out.println(
          "== " + name + " (" + scale.name() + ", load " + Machine.loadAverage() + ")");
      try {
        sections.get(i).run(scale, work.resolve(name), results);
      } catch (Exception | Error e) {
        e.printStackTrace();
        results.note("FAILED " + name + ": " + e);
      }
      System.out.printf(
          "== %s took %d s%n", name, Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    }
    results.run("load after", Machine.loadAverage());
    results.run("suite duration", Duration.between(started, Instant.now()).toSeconds() + " s");
    return results;
  }
}
