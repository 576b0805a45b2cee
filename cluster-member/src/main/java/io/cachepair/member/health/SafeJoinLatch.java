package io.cachepair.member.health;

import com.tangosol.net.PartitionedService;
import com.tangosol.util.HealthCheck;
import io.cachepair.member.cache.DishCaches;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Trips once the dish service has been at least NODE_SAFE since this member joined (or this member
 * is its only storage member), and then stays tripped.
 *
 * <p>Rebalancing after a join is when a kill of the partition owner loses data; a joining pod that
 * waits for this latch keeps a rollout from taking the next member down during that window. Being
 * one-time, later rebalancing (another member joining) never takes a serving pod out of traffic.
 */
public class SafeJoinLatch implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SafeJoinLatch.class);

  private final DishCaches caches;
  private final ScheduledExecutorService poller;
  private volatile Instant trippedAt;

  /**
   * Starts watching the dish service as soon as it is open.
   *
   * @param caches the member's caches
   * @param pollInterval how often the backup strength is read until the latch trips
   */
  public SafeJoinLatch(DishCaches caches, Duration pollInterval) {
    this.caches = caches;
    this.poller = DaemonScheduler.named("safe-join-latch");
    caches
        .whenOpen()
        .thenRun(
            () ->
                poller.scheduleWithFixedDelay(
                    this::check, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void check() {
    try {
      checkOnce();
    } catch (RuntimeException e) {
      // never let an exception end the poller: a latch that can no longer trip is a stuck member
      log.warn("Could not read the dish service's safety; will retry: {}", e.toString());
    }
  }

  private void checkOnce() {
    if (trippedAt != null) {
      return;
    }
    caches
        .ifOpen()
        .ifPresent(
            opened -> {
              if (isSafe(opened.service())) {
                trippedAt = Instant.now();
                log.info(
                    "Dish service is {} with {} storage member(s): this member may take traffic",
                    statusHa(opened.service()),
                    opened.service().getOwnershipEnabledMembers().size());
                poller.shutdown();
              }
            });
  }

  /** Whether a partitioned service has every partition backed up on another member right now. */
  static boolean isSafe(PartitionedService service) {
    if (!service.isRunning()) {
      return false;
    }
    if (service.getOwnershipEnabledMembers().size() <= 1) {
      return true;
    }
    boolean healthSafe = !(service instanceof HealthCheck check) || check.isSafe();
    return healthSafe && !"ENDANGERED".equals(service.getBackupStrengthName());
  }

  /**
   * Whether the latch can still trip: false only when its poller ended before it tripped, which
   * leaves the member unready for good.
   */
  public boolean canStillTrip() {
    return trippedAt != null || !poller.isShutdown();
  }

  /** Whether the latch has tripped. */
  public boolean isTripped() {
    return trippedAt != null;
  }

  /** When the latch tripped, if it did. */
  public Optional<Instant> trippedAt() {
    return Optional.ofNullable(trippedAt);
  }

  /**
   * The dish service's current StatusHA, as the Coherence MBean names it ({@code ENDANGERED},
   * {@code NODE_SAFE}, {@code MACHINE_SAFE}, ...), or empty when the service is not running.
   */
  public Optional<String> currentStatusHa() {
    return caches
        .ifOpen()
        .map(DishCaches.Opened::service)
        .filter(PartitionedService::isRunning)
        .map(SafeJoinLatch::statusHa);
  }

  /** The backup strength name with the MBean's spelling ({@code NODE-SAFE} becomes NODE_SAFE). */
  static String statusHa(PartitionedService service) {
    return service.getBackupStrengthName().replace('-', '_');
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
