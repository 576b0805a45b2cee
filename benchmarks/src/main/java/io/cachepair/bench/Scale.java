package io.cachepair.bench;

import java.util.List;

/**
 * How big a run is: smoke (tiny, only proves every benchmark still produces its figures), quick
 * (the figures in about ten minutes on two cores) or full (adds 1M dishes and 4 replicas).
 *
 * @param name smoke, quick or full
 * @param jmhDishes dishes loaded into the JMH member
 * @param jmhForks JMH forks per benchmark (0: in this JVM)
 * @param jmhWarmups JMH warm-up iterations
 * @param jmhIterations JMH measured iterations
 * @param jmhIterationMillis length of one JMH iteration
 * @param writesPerSecond paced write rate of the propagation runs
 * @param propagationSeconds how long the propagation runs write
 * @param bulkImportDishes dishes in the bulk import
 * @param memoryDishes dishes imported before the memory and join figures
 * @param importBatch dishes per {@code POST /api/dishes/batch}
 * @param concurrencies order-throughput concurrency levels
 * @param throughputSeconds how long each throughput level runs
 * @param throughputMaxRequests the most requests one level sends
 * @param preloadSizes menu DB sizes of the preload runs
 * @param replicas order replicas of the largest memory figure
 * @param serviceHeap heap of the service JVMs
 */
public record Scale(
    String name,
    int jmhDishes,
    int jmhForks,
    int jmhWarmups,
    int jmhIterations,
    int jmhIterationMillis,
    int writesPerSecond,
    int propagationSeconds,
    int bulkImportDishes,
    int memoryDishes,
    int importBatch,
    List<Integer> concurrencies,
    int throughputSeconds,
    int throughputMaxRequests,
    List<Integer> preloadSizes,
    int replicas,
    String serviceHeap) {

  /** Tiny sizes: part of {@code ./mvnw verify}, asserts figures exist, never their values. */
  public static final Scale SMOKE =
      new Scale(
          "smoke",
          1_000,
          0,
          1,
          2,
          200,
          50,
          2,
          500,
          1_000,
          500,
          List.of(1, 4),
          1,
          40,
          List.of(300),
          2,
          "256m");

  /** The figures without the 1M-dish preload and the 4-replica memory figure. */
  public static final Scale QUICK =
      new Scale(
          "quick",
          100_000,
          1,
          3,
          5,
          1_000,
          200,
          20,
          10_000,
          100_000,
          10_000,
          List.of(1, 4, 16),
          6,
          1_000_000,
          List.of(10_000, 100_000),
          2,
          "512m");

  /** Everything the issue asks for, with longer JMH runs. */
  public static final Scale FULL =
      new Scale(
          "full",
          100_000,
          2,
          5,
          10,
          1_000,
          200,
          20,
          10_000,
          100_000,
          10_000,
          List.of(1, 4, 16),
          15,
          5_000_000,
          List.of(10_000, 100_000, 1_000_000),
          4,
          "1g");

  /**
   * Picks a scale by name.
   *
   * @param name smoke, quick or full
   * @return the scale
   */
  public static Scale named(String name) {
    return switch (name) {
      case "smoke" -> SMOKE;
      case "quick" -> QUICK;
      case "full" -> FULL;
      default -> throw new IllegalArgumentException("unknown scale " + name);
    };
  }

  /** Heap for a menu JVM that preloads {@code dishes}. */
  public String preloadHeap(int dishes) {
    return dishes >= 1_000_000 ? "3g" : serviceHeap;
  }
}
