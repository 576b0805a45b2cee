package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.util.List;

/**
 * A planner's answer: the order in which services are updated, or why nothing may roll.
 *
 * @param order services to update, first to last; each once
 * @param ordering why this order, for the status
 * @param blockedReason CamelCase reason when nothing may roll, else {@code null}
 * @param compatibility the compatibility mode the order follows, or {@code null} when the schema
 *     version does not change
 * @param recreate whether every pod of the services in {@code order} stops (last to first) before
 *     the new ones start in {@code order}, which accepts downtime
 */
public record PlanDecision(
    List<ServiceRole> order,
    String ordering,
    String blockedReason,
    CompatibilityMode compatibility,
    boolean recreate) {

  /** Update in this order. */
  public static PlanDecision inOrder(List<ServiceRole> order, String ordering) {
    return inOrder(order, ordering, null);
  }

  /** Update in this order, as {@code compatibility} requires. */
  public static PlanDecision inOrder(
      List<ServiceRole> order, String ordering, CompatibilityMode compatibility) {
    return new PlanDecision(List.copyOf(order), ordering, null, compatibility, false);
  }

  /** Stop every pod of the services, then start the new ones in {@code startOrder}. */
  public static PlanDecision recreate(
      List<ServiceRole> startOrder, String ordering, CompatibilityMode compatibility) {
    return new PlanDecision(List.copyOf(startOrder), ordering, null, compatibility, true);
  }

  /** Roll nothing, for {@code reason}; {@code message} says what the user can do. */
  public static PlanDecision blocked(String reason, String message) {
    return blocked(reason, message, null);
  }

  /** Roll nothing, for {@code reason}, under {@code compatibility}. */
  public static PlanDecision blocked(
      String reason, String message, CompatibilityMode compatibility) {
    return new PlanDecision(List.of(), message, reason, compatibility, false);
  }
}
