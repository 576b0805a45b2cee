package io.cachepair.member.health;

import com.tangosol.net.Cluster;
import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Ends a member that can never become ready again, so that Kubernetes (or the launcher's status)
 * sees it and restarts it, instead of a pod that is alive and unready forever.
 *
 * <p>Only unrecoverable states count: the dish caches FAILED to open, the safe-join latch's poller
 * ended before it tripped, or the dish service stopped and did not restart. Waiting for a safe
 * cluster, a preload, or a menu never counts. Once such a state has lasted {@code exitAfter},
 * liveness turns {@code BROKEN} and the process exits with code {@value #EXIT_CODE}.
 */
public class StuckWatch implements DisposableBean {

  /** The exit code of a stuck member. */
  public static final int EXIT_CODE = 4;

  private static final Logger log = LoggerFactory.getLogger(StuckWatch.class);

  private final DishCaches caches;
  private final SafeJoinLatch latch;
  private final Duration exitAfter;
  private final ApplicationEventPublisher events;
  private final IntConsumer exit;
  private final Clock clock;
  private final ScheduledExecutorService poller;
  private volatile Instant stuckSince;
  private volatile String reason;

  /**
   * Starts watching.
   *
   * @param caches the member's caches
   * @param latch the safe-join latch
   * @param exitAfter how long an unrecoverable state may last before the process exits
   * @param events where the liveness change is published
   * @param exit ends the process with a code ({@code System::exit} in production)
   * @param clock the clock
   */
  public StuckWatch(
      DishCaches caches,
      SafeJoinLatch latch,
      Duration exitAfter,
      ApplicationEventPublisher events,
      IntConsumer exit,
      Clock clock) {
    this.caches = caches;
    this.latch = latch;
    this.exitAfter = exitAfter;
    this.events = events;
    this.exit = exit;
    this.clock = clock;
    this.poller = DaemonScheduler.named("stuck-watch");
    poller.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  /** Why this member is stuck, if it is. */
  public Optional<String> stuck() {
    return Optional.ofNullable(reason);
  }

  void check() {
    String now = unrecoverable();
    if (now == null) {
      if (stuckSince != null) {
        log.info("No longer stuck ({} cleared)", reason);
      }
      stuckSince = null;
      reason = null;
      return;
    }
    if (stuckSince == null) {
      stuckSince = clock.instant();
      reason = now;
      log.error("Member stuck: {}; exiting with {} after {}", now, EXIT_CODE, exitAfter);
      return;
    }
    if (Duration.between(stuckSince, clock.instant()).compareTo(exitAfter) >= 0) {
      log.error(
          "Member stuck for {}: {}; liveness BROKEN, exiting with {}", exitAfter, now, EXIT_CODE);
      AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
      poller.shutdown();
      Thread exiter = new Thread(() -> exit.accept(EXIT_CODE), "stuck-exit");
      exiter.start();
    }
  }

  private String unrecoverable() {
    if (caches.state() == CacheState.FAILED) {
      return "the dish caches could not be opened: "
          + caches.failure().map(Throwable::getMessage).orElse("unknown");
    }
    if (caches.state() == CacheState.OPEN && !latch.canStillTrip()) {
      return "the safe-join latch stopped polling before the dish service was ever safe";
    }
    boolean serviceDown = caches.ifOpen().map(o -> !o.service().isRunning()).orElse(false);
    if (caches.state() == CacheState.OPEN && serviceDown && clusterRunning()) {
      return "the dish service stopped and did not restart";
    }
    return null;
  }

  private boolean clusterRunning() {
    Cluster cluster = caches.coherence() == null ? null : caches.coherence().getCluster();
    return cluster != null && cluster.isRunning();
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
