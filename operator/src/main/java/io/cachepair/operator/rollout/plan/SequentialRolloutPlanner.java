package io.cachepair.operator.rollout.plan;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.util.List;

/**
 * The default plan: order-service (the reader) first, then menu-service, one Deployment at a time,
 * which is safe whenever the two images can run side by side.
 */
public final class SequentialRolloutPlanner implements RolloutPlanner {

  @Override
  public PlanDecision plan(CachedServicePair pair, List<ServiceChange> changes) {
    List<ServiceRole> order =
        List.of(ServiceRole.ORDER, ServiceRole.MENU).stream()
            .filter(role -> changes.stream().anyMatch(c -> c.role() == role))
            .toList();
    return PlanDecision.inOrder(order, "order-service first, then menu-service; one at a time");
  }
}
