package io.cachepair.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Percentiles are nearest-rank over every sample, in milliseconds. */
class LatenciesTest {

  @Test
  void summary_hundredSamples_nearestRankPercentiles() {
    Latencies l = new Latencies();
    for (int i = 1; i <= 100; i++) {
      l.add(i * 1_000_000L);
    }

    Latencies.Summary s = l.summary();

    assertThat(s.p50()).isEqualTo(50.0);
    assertThat(s.p90()).isEqualTo(90.0);
    assertThat(s.p99()).isEqualTo(99.0);
    assertThat(s.max()).isEqualTo(100.0);
  }
}
