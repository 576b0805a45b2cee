package io.cachepair.bench.fleet;

import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.Optional;

/**
 * One start of a service JVM with the moment it was launched, so that readiness and log lines can
 * be timed from the launch; readiness is polled every 50 ms (the launcher's own wait polls every
 * 200 ms, too coarse for a start-up figure).
 *
 * @param process the instance
 * @param startedNanos {@link System#nanoTime()} just before the JVM was launched
 * @param startedWallMillis wall-clock time just before the JVM was launched
 */
public record Launch(ServiceProcess process, long startedNanos, long startedWallMillis) {

  /** Starts the instance and remembers when. */
  public static Launch start(ServiceProcess process) {
    long wall = System.currentTimeMillis();
    long nanos = System.nanoTime();
    process.start();
    return new Launch(process, nanos, wall);
  }

  /**
   * Waits until readiness answers 200.
   *
   * @param timeout how long at most
   * @return milliseconds from the launch to the first 200
   */
  public double awaitReadyMillis(Duration timeout) {
    long deadline = startedNanos + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(process.name() + " died; log " + process.log());
      }
      Optional<HttpResult> r = process.readiness();
      if (r.isPresent() && r.get().status() == 200) {
        return (System.nanoTime() - startedNanos) / 1e6;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException(
        process.name() + " not ready after " + timeout + "; log " + process.log());
  }

  /** Milliseconds from the launch to a wall-clock instant of the service's log. */
  public double millisTo(java.time.Instant instant) {
    return instant.toEpochMilli() - startedWallMillis;
  }

  /** The log of this start. */
  public ServiceLog log() {
    return new ServiceLog(process.log());
  }
}
