package io.cachepair.order.readiness;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness contribution {@code dishesLoaded}: up while this member's replica is complete ({@link
 * CompleteReplica}), down with the reason whenever it is not — whether or not a menu is running.
 */
@Component("dishesLoaded")
class DishesLoadedHealthIndicator extends AbstractHealthIndicator {

  private final CompleteReplica replica;

  DishesLoadedHealthIndicator(CompleteReplica replica) {
    super("dishes-loaded health check failed");
    this.replica = replica;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("cluster", replica.clusterName());
    var reason = replica.incompleteReason();
    if (reason.isPresent()) {
      builder
          .down()
          .withDetail("reason", reason.get())
          .withDetail("replica", replica.replicaState().name());
      return;
    }
    builder.up();
    replica.firstCompleteAt().ifPresent(at -> builder.withDetail("completeSince", at));
    replica
        .marker()
        .ifPresent(
            loaded ->
                builder
                    .withDetail("loadedAt", loaded.loadedAt())
                    .withDetail("loadedCount", loaded.count())
                    .withDetail("loadedBy", loaded.origin())
                    .withDetail("epoch", loaded.epoch())
                    .withDetail("repairing", loaded.repairing())
                    .withDetail("contractVersion", loaded.contractVersion()));
  }
}
