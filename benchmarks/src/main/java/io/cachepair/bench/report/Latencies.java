package io.cachepair.bench.report;

import java.util.Arrays;

/** Collects latency samples from many threads and summarizes them as nearest-rank percentiles. */
public final class Latencies {

  /**
   * A summary in milliseconds.
   *
   * @param count samples
   * @param p50 median
   * @param p90 90th percentile
   * @param p99 99th percentile
   * @param max the largest sample
   */
  public record Summary(int count, double p50, double p90, double p99, double max) {}

  private long[] nanos = new long[1024];
  private int size;

  /** Adds one sample, in nanoseconds. */
  public synchronized void add(long sampleNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = sampleNanos;
  }

  /** How many samples so far. */
  public synchronized int count() {
    return size;
  }

  /**
   * Summarizes the samples so far.
   *
   * @return the summary
   * @throws IllegalStateException when there are none
   */
  public synchronized Summary summary() {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    return new Summary(
        size, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[size - 1] / 1e6);
  }

  private static double at(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
