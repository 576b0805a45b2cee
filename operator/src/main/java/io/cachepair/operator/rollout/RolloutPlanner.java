package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import java.util.List;

/**
 * Decides in which order changed services roll out; the extension point where a schema-aware
 * planner orders readers and writers by the cache compatibility mode.
 */
@FunctionalInterface
public interface RolloutPlanner {

  /**
   * Orders the changes.
   *
   * @param pair the resource, with the spec the changes lead to
   * @param changes services whose template changes, in no particular order; never empty
   * @return the order, every changed service exactly once, or a blocked decision
   */
  PlanDecision plan(CachedServicePair pair, List<ServiceChange> changes);
}
