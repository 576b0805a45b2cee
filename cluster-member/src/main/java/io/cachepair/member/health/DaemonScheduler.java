package io.cachepair.member.health;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The single daemon thread each health watch polls on: named, so a thread dump says which watch it
 * is, and a daemon, so no watch keeps a stopping JVM alive.
 */
final class DaemonScheduler {

  private DaemonScheduler() {}

  static ScheduledExecutorService named(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, threadName);
          t.setDaemon(true);
          return t;
        });
  }
}
