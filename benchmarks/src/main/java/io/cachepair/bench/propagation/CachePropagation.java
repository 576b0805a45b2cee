package io.cachepair.bench.propagation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachepair.bench.Scale;
import io.cachepair.bench.report.Latencies;
import io.cachepair.bench.report.Results;
import io.cachepair.contract.CacheNames;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.process.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Propagation without the services: a paced put on one plain member to the listener on the other
 * (the replication cost alone), and then the raw kill -9 detection between the same two JVMs.
 */
public final class CachePropagation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CachePropagation() {}

  /**
   * Runs the cache-level propagation and the raw failure detection.
   *
   * @param scale the rate and duration
   * @param work where the members log
   * @param results where the figures go
   */
  public static void run(Scale scale, Path work, Results results) throws Exception {
    TestCluster cluster = TestCluster.unique("bench-cache");
    // the services' JVM flags, so that this is the services' replication cost without the services
    List<String> jvm = new ArrayList<>(cluster.memberSystemProperties(CacheNames.CACHE_CONFIG));
    jvm.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC"));
    int warmup = Math.max(1, scale.propagationSeconds() / 4);
    try (ChildJvm reader = start("cache-reader", jvm, List.of("reader"), work);
        ChildJvm writer =
            start(
                "cache-writer",
                jvm,
                List.of(
                    "writer",
                    String.valueOf(scale.writesPerSecond()),
                    String.valueOf(scale.propagationSeconds()),
                    String.valueOf(warmup)),
                work)) {
      reader.await("READY", Duration.ofMinutes(2));
      writer.await("READY", Duration.ofMinutes(2));
      Duration bound = Duration.ofSeconds(warmup + scale.propagationSeconds() + 60);
      Latencies.Summary seen =
          JSON.readValue(reader.await("RESULT", bound), Latencies.Summary.class);
      Latencies.Summary invoke =
          JSON.readValue(writer.await("WROTE", bound), Latencies.Summary.class);
      String rate = scale.writesPerSecond() + "/s";
      results.addLatencies(
          "propagation", "cache: put -> listener on other member, " + rate, seen, "<= 5 ms", 5.0);
      results.addLatencies(
          "propagation", "cache: writer's VersionedPut invoke", invoke, null, null);

      long killed = System.nanoTime();
      writer.kill9();
      long left = Long.parseLong(reader.await("LEFT", Duration.ofSeconds(60)));
      results.add(
          "failure", "plain members: kill -9 -> MemberLeft event", (left - killed) / 1e6, "ms");
    }
  }

  private static ChildJvm start(String name, List<String> jvm, List<String> args, Path work) {
    List<String> options = new ArrayList<>(jvm);
    options.add("-Dcoherence.member=" + name);
    return ChildJvm.startOnThisClasspath(name, options, CacheLevelMember.class, args, work);
  }
}
