package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An order arriving before this member has seen the dishes loaded in the cluster: 503, because an
 * order priced from an empty or partial replica would be refused (or worse, mispriced) wrongly.
 */
class DishesNotLoadedProblem extends OrderProblem {

  DishesNotLoadedProblem(String reason, String cluster, String replicaState) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "dishes-not-loaded",
        "Not ready to take orders",
        reason,
        Map.of("cluster", cluster, "replica", replicaState));
  }
}
