package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.util.List;

/**
 * A planner's answer: the order in which services are updated, or why nothing may roll.
 *
 * @param order services to update, first to last; each once
 * @param ordering why this order, for the status
 * @param blockedReason CamelCase reason when nothing may roll, else {@code null}
 */
public record PlanDecision(List<ServiceRole> order, String ordering, String blockedReason) {

  /** Update in this order. */
  public static PlanDecision inOrder(List<ServiceRole> order, String ordering) {
    return new PlanDecision(List.copyOf(order), ordering, null);
  }

  /** Roll nothing, for {@code reason}; {@code message} says what the user can do. */
  public static PlanDecision blocked(String reason, String message) {
    return new PlanDecision(List.of(), message, reason);
  }
}
