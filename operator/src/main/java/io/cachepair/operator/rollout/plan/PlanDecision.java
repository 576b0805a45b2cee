package io.cachepair.operator.rollout.plan;

import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A planner's answer: the order in which services are updated, which of those steps run under a
 * write pause, or why nothing may roll.
 *
 * @param order services to update, first to last; each once
 * @param ordering why this order, for the status
 * @param blockedReason CamelCase reason when nothing may roll, else {@code null}
 * @param compatibility the compatibility mode the order follows, or {@code null} when the schema
 *     version does not change
 * @param recreate whether every pod of the services in {@code order} stops (last to first) before
 *     the new ones of all of them start together (their Update steps listed in {@code order}),
 *     which accepts downtime
 * @param writePaused services whose update step runs while menu-service refuses writes
 */
public record PlanDecision(
    List<ServiceRole> order,
    String ordering,
    String blockedReason,
    CompatibilityMode compatibility,
    boolean recreate,
    Set<ServiceRole> writePaused) {

  public PlanDecision {
    order = List.copyOf(order);
    writePaused = writePaused.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(writePaused));
  }

  /** Update in this order, with writes flowing. */
  public static PlanDecision inOrder(List<ServiceRole> order, String ordering) {
    return inOrder(order, ordering, null, Set.of());
  }

  /** Update in this order, as {@code compatibility} requires, pausing writes for some steps. */
  public static PlanDecision inOrder(
      List<ServiceRole> order,
      String ordering,
      CompatibilityMode compatibility,
      Set<ServiceRole> writePaused) {
    return new PlanDecision(order, ordering, null, compatibility, false, writePaused);
  }

  /**
   * Stop every pod of the services, last of {@code order} first, then start the new ones of all of
   * them together (their steps listed in {@code order}).
   */
  public static PlanDecision recreate(
      List<ServiceRole> order, String ordering, CompatibilityMode compatibility) {
    return new PlanDecision(order, ordering, null, compatibility, true, Set.of());
  }

  /** Roll nothing, for {@code reason}; {@code message} says what the user can do. */
  public static PlanDecision blocked(String reason, String message) {
    return blocked(reason, message, null);
  }

  /** Roll nothing, for {@code reason}, under {@code compatibility}. */
  public static PlanDecision blocked(
      String reason, String message, CompatibilityMode compatibility) {
    return new PlanDecision(List.of(), message, reason, compatibility, false, Set.of());
  }
}
