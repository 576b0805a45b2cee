package io.cachepair.bench.failure;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.bench.report.Results;
import io.cachepair.testsupport.process.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kills the menu with SIGKILL while every order replica's {@code /actuator/cachepair} is polled in
 * a loop of its own, and records when each replica stopped listing a menu member.
 */
public final class FailureDetection {

  private FailureDetection() {}

  /**
   * Runs the kill and records the figures; the menu is dead afterwards.
   *
   * @param menu the menu to kill
   * @param replicas the order replicas to watch
   * @param results where the figures go
   */
  public static void run(ServiceProcess menu, List<ServiceProcess> replicas, Results results)
      throws Exception {
    AtomicLong killedAt = new AtomicLong();
    List<Watcher> watchers = new ArrayList<>();
    for (ServiceProcess r : replicas) {
      Watcher w = new Watcher(r, killedAt);
      watchers.add(w);
      w.start();
    }
    Thread.sleep(500);
    killedAt.set(System.nanoTime());
    menu.kill9();
    double worst = 0;
    for (Watcher w : watchers) {
      w.join(60_000);
      if (w.detectedNanos == 0) {
        throw new IllegalStateException(w.replica.name() + " still lists the menu after 60 s");
      }
      double ms = (w.detectedNanos - killedAt.get()) / 1e6;
      worst = Math.max(worst, ms);
      results.add(
          "failure",
          "kill -9 menu -> gone from " + w.replica.name() + " /actuator/cachepair",
          ms,
          "ms");
      results.add(
          "failure",
          "  poll period on " + w.replica.name() + " (resolution)",
          w.periodMillis(),
          "ms");
    }
    results.add("failure", "kill -9 menu -> gone from every replica", worst, "ms");
  }

  /** Polls one replica's member list until the menu is gone from it. */
  private static final class Watcher extends Thread {
    private final ServiceProcess replica;
    private final AtomicLong killedAt;
    private volatile long detectedNanos;
    private long polls;
    private long firstPoll;
    private long lastPoll;

    Watcher(ServiceProcess replica, AtomicLong killedAt) {
      super("watch-" + replica.name());
      this.replica = replica;
      this.killedAt = killedAt;
      setDaemon(true);
    }

    @Override
    public void run() {
      long deadline = System.nanoTime() + 120_000_000_000L;
      firstPoll = System.nanoTime();
      while (System.nanoTime() < deadline) {
        JsonNode cluster;
        try {
          cluster = replica.cluster();
        } catch (RuntimeException e) {
          continue;
        }
        long now = System.nanoTime();
        polls++;
        lastPoll = now;
        if (killedAt.get() != 0 && cluster != null && !listsMenu(cluster)) {
          detectedNanos = now;
          return;
        }
      }
    }

    double periodMillis() {
      return polls == 0 ? 0 : (lastPoll - firstPoll) / 1e6 / polls;
    }

    private static boolean listsMenu(JsonNode cluster) {
      for (JsonNode m : cluster.path("members")) {
        if (m.path("role").asText().startsWith("menu")) {
          return true;
        }
      }
      return false;
    }
  }
}
