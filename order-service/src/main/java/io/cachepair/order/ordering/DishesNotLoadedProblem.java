package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An order arriving while this member's replica is not complete (never loaded, an island, a
 * restarted dish service, a repair under way): 503, because an order priced from an empty or
 * partial replica would be refused (or worse, mispriced) wrongly.
 */
public class DishesNotLoadedProblem extends OrderProblem {

  public DishesNotLoadedProblem(String reason, String cluster, String replicaState) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "dishes-not-loaded",
        "Not ready to take orders",
        reason,
        Map.of("cluster", cluster, "replica", replicaState));
  }

  @Override
  public java.util.Optional<java.time.Duration> retryAfter() {
    return java.util.Optional.of(java.time.Duration.ofSeconds(2));
  }
}
