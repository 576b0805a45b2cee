package io.cachepair.bench.lookup;

import com.tangosol.io.pof.ConfigurablePofContext;
import com.tangosol.util.ExternalizableHelper;
import io.cachepair.bench.Scale;
import io.cachepair.bench.fleet.BenchDishes;
import io.cachepair.bench.report.Results;
import io.cachepair.contract.CacheNames;
import io.cachepair.testsupport.cluster.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OrderPathLookup} under JMH with the GC profiler, each fork a Coherence member of a
 * cluster of its own on loopback, and records ns and bytes allocated per order and per dish.
 */
public final class LookupBenchmark {

  private LookupBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param scale the run's sizes
   * @param work where the JMH log goes
   * @param results where the figures go
   */
  public static void run(Scale scale, Path work, Results results) throws Exception {
    Files.createDirectories(work);
    TestCluster cluster = TestCluster.unique("bench-jmh");
    List<String> jvm = new ArrayList<>(cluster.memberSystemProperties(CacheNames.CACHE_CONFIG));
    jvm.addAll(List.of("-Xmx1g", "-XX:+UseParallelGC", "-Dcoherence.log.level=1"));
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(OrderPathLookup.class.getName() + "\\.")
            .param("dishes", String.valueOf(scale.jmhDishes()))
            .forks(scale.jmhForks())
            .warmupIterations(scale.jmhWarmups())
            .warmupTime(TimeValue.milliseconds(scale.jmhIterationMillis()))
            .measurementIterations(scale.jmhIterations())
            .measurementTime(TimeValue.milliseconds(scale.jmhIterationMillis()))
            .jvmArgsAppend(jvm.toArray(String[]::new))
            .addProfiler(GCProfiler.class)
            .output(work.resolve("jmh.log").toString());
    System.out.println("  JMH log: " + work.resolve("jmh.log"));
    if (scale.jmhForks() == 0) {
      // in-process (smoke): this JVM becomes the member, with the same recipe
      for (String arg : jvm) {
        if (arg.startsWith("-D")) {
          int eq = arg.indexOf('=');
          System.setProperty(arg.substring(2, eq), arg.substring(eq + 1));
        }
      }
    }
    Collection<RunResult> runs;
    try {
      runs = new Runner(options.build()).run();
    } finally {
      OrderPathLookup.closeShared();
    }
    for (RunResult r : runs) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      double ns = r.getPrimaryResult().getScore();
      Map<String, Result> secondary = r.getSecondaryResults();
      Result alloc = secondary.get("gc.alloc.rate.norm");
      double perDish = ns / 3;
      if ("localDishes".equals(method)) {
        results.add("lookup", method + " per dish", perDish, "ns", "<= 100 ns", perDish <= 100);
      } else {
        results.add("lookup", method + " per dish", perDish, "ns");
      }
      results.add("lookup", method + " per order (3 dishes)", ns, "ns");
      if (alloc != null) {
        results.add("lookup", method + " allocated per order", alloc.getScore(), "B");
      }
    }
    results.add("lookup", "dishes in the cache", scale.jmhDishes(), "");
    results.add("lookup", "POF size of one benchmark dish", pofSize(), "B");
  }

  private static int pofSize() {
    ConfigurablePofContext pof = new ConfigurablePofContext(CacheNames.POF_CONFIG);
    return ExternalizableHelper.toBinary(BenchDishes.dish("bench", 1), pof).length();
  }
}
