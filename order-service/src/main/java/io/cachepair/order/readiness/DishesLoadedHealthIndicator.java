package io.cachepair.order.readiness;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness contribution {@code dishesLoaded}: down with "dishes never loaded in cluster …" until
 * the {@link DishesLoadedLatch} tripped, up forever after, whether or not a menu is running.
 */
@Component("dishesLoaded")
class DishesLoadedHealthIndicator extends AbstractHealthIndicator {

  private final DishesLoadedLatch latch;

  DishesLoadedHealthIndicator(DishesLoadedLatch latch) {
    super("dishes-loaded health check failed");
    this.latch = latch;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("cluster", latch.clusterName());
    if (!latch.isTripped()) {
      builder
          .down()
          .withDetail("reason", latch.notLoadedReason())
          .withDetail("replica", latch.replicaState().name());
      return;
    }
    builder.up();
    latch.trippedAt().ifPresent(at -> builder.withDetail("seenAt", at));
    latch
        .firstSeen()
        .ifPresent(
            loaded ->
                builder
                    .withDetail("loadedAt", loaded.loadedAt())
                    .withDetail("loadedCount", loaded.count())
                    .withDetail("loadedBy", loaded.origin())
                    .withDetail("contractVersion", loaded.contractVersion()));
  }
}
