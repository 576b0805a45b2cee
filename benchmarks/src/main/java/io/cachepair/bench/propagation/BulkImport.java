package io.cachepair.bench.propagation;

import io.cachepair.bench.fleet.BenchDishes;
import io.cachepair.bench.fleet.Views;
import io.cachepair.bench.report.Latencies;
import io.cachepair.bench.report.Results;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code POST /api/dishes/batch} of new dishes while every member's view count is sampled in a
 * tight loop: the time until every replica holds all of them, and how far the most stale replica
 * trailed the most advanced member meanwhile.
 *
 * <p>Staleness of a replica at a sample is how long ago the most advanced member's count first
 * exceeded the replica's count now (so a replica that is 300 dishes behind a member that got them 4
 * ms ago is 4 ms stale); it is measured to the sampling period.
 */
public final class BulkImport {

  private BulkImport() {}

  /**
   * Runs the import.
   *
   * @param menu the menu (also a member with a view)
   * @param replicas the order replicas
   * @param dishes dishes in the batch
   * @param results where the figures go
   */
  public static void run(
      ServiceProcess menu, List<ServiceProcess> replicas, int dishes, Results results)
      throws Exception {
    List<ServiceProcess> members = new ArrayList<>();
    members.add(menu);
    members.addAll(replicas);
    long[] before = new long[members.size()];
    for (int i = 0; i < members.size(); i++) {
      before[i] = Views.count(members.get(i));
    }
    List<long[]> samples = new ArrayList<>();
    long[] acked = new long[1];
    long t0 = System.nanoTime();
    Thread post =
        new Thread(
            () -> {
              HttpResult r =
                  menu.http().post("/api/dishes/batch", BenchDishes.batch("bulk", 0, dishes));
              acked[0] = System.nanoTime();
              if (!r.ok()) {
                throw new IllegalStateException(
                    "batch import answered " + r.status() + " " + r.body());
              }
            });
    post.start();
    long deadline = t0 + 120_000_000_000L;
    boolean done = false;
    while (!done && System.nanoTime() < deadline) {
      long[] s = new long[members.size() + 1];
      done = true;
      for (int i = 0; i < members.size(); i++) {
        s[i + 1] = Views.count(members.get(i)) - before[i];
        done &= s[i + 1] >= dishes;
      }
      s[0] = System.nanoTime();
      samples.add(s);
    }
    post.join(120_000);
    if (!done) {
      throw new IllegalStateException("not every member got the " + dishes + " dishes in 2 min");
    }
    long allSeen = samples.get(samples.size() - 1)[0];
    results.add(
        "propagation",
        "bulk " + dishes + ": POST /api/dishes/batch answered",
        (acked[0] - t0) / 1e6,
        "ms");
    results.add(
        "propagation",
        "bulk " + dishes + ": until every replica holds all",
        (allSeen - t0) / 1e6,
        "ms");
    Latencies staleness = new Latencies();
    for (int k = 0; k < samples.size(); k++) {
      long[] s = samples.get(k);
      long worst = 0;
      for (int r = 2; r < s.length; r++) {
        long since = firstExceeding(samples, k, s[r]);
        worst = Math.max(worst, since < 0 ? 0 : s[0] - since);
      }
      staleness.add(worst);
    }
    Latencies.Summary st = staleness.summary();
    results.add("propagation", "bulk " + dishes + ": count samples (all members)", st.count(), "");
    results.add(
        "propagation",
        "bulk " + dishes + ": sampling period",
        (allSeen - samples.get(0)[0]) / 1e6 / Math.max(1, samples.size() - 1),
        "ms");
    results.add(
        "propagation",
        "bulk " + dishes + ": most stale replica p99 over samples",
        st.p99(),
        "ms",
        "<= 5 ms",
        st.p99() <= 5);
    results.add("propagation", "bulk " + dishes + ": most stale replica max", st.max(), "ms");
  }

  /**
   * When the most advanced member first held more than {@code count}, up to sample k; -1 if never.
   */
  private static long firstExceeding(List<long[]> samples, int k, long count) {
    for (int j = 0; j <= k; j++) {
      long[] s = samples.get(j);
      for (int i = 1; i < s.length; i++) {
        if (s[i] > count) {
          return s[0];
        }
      }
    }
    return -1;
  }
}
