package io.cachepair.member.health;

import io.cachepair.member.cache.CacheState;
import io.cachepair.member.cache.DishCaches;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Readiness contribution of the local replica ({@code dishReplica}): down, with the reason, until
 * the view is synchronized and the {@link SafeJoinLatch} tripped, and again whenever the view has
 * been cut off from the dish service for longer than its reconnect interval (the most staleness it
 * may serve) or the member is stuck.
 */
public class DishReplicaHealthIndicator extends AbstractHealthIndicator {

  private final DishCaches caches;
  private final SafeJoinLatch latch;
  private final ReplicaWatch watch;
  private final StuckWatch stuck;
  private final String clusterName;

  /**
   * Creates the indicator.
   *
   * @param caches the member's caches
   * @param latch the safe-join latch
   * @param watch the view's connection to the dish service
   * @param stuck the unrecoverable-state watch
   * @param clusterName the configured cluster name, for messages
   */
  public DishReplicaHealthIndicator(
      DishCaches caches,
      SafeJoinLatch latch,
      ReplicaWatch watch,
      StuckWatch stuck,
      String clusterName) {
    super("dish replica health check failed");
    this.caches = caches;
    this.latch = latch;
    this.watch = watch;
    this.stuck = stuck;
    this.clusterName = clusterName;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    CacheState state = caches.state();
    builder.withDetail("cluster", clusterName).withDetail("state", state.name());
    latch.currentStatusHa().ifPresent(ha -> builder.withDetail("statusHA", ha));
    switch (state) {
      case JOINING -> builder.down().withDetail("reason", "joining cluster " + clusterName);
      case SYNCHRONIZING ->
          builder.down().withDetail("reason", "synchronizing the local view of the dishes");
      case FAILED ->
          builder
              .down()
              .withDetail(
                  "reason",
                  "dish caches could not be opened: "
                      + caches.failure().map(Throwable::getMessage).orElse("unknown"));
      case CLOSED -> builder.outOfService().withDetail("reason", "leaving the cluster");
      case OPEN -> {
        Duration staleness = watch.staleness();
        builder.withDetail("stalenessMs", staleness.toMillis());
        if (stuck.stuck().isPresent()) {
          builder.down().withDetail("reason", "stuck: " + stuck.stuck().get());
        } else if (staleness.compareTo(watch.reconnectInterval()) > 0) {
          builder
              .down()
              .withDetail(
                  "reason",
                  "the local view has been cut off from the dish service for "
                      + staleness.toSeconds()
                      + " s, longer than its reconnect interval ("
                      + watch.reconnectInterval().toSeconds()
                      + " s)");
        } else if (latch.isTripped()) {
          builder.up();
        } else {
          builder
              .down()
              .withDetail(
                  "reason",
                  "waiting for the dish service to be safe (StatusHA "
                      + latch.currentStatusHa().orElse("unknown")
                      + ")");
        }
      }
      default -> throw new IllegalStateException("unexpected state " + state);
    }
  }
}
