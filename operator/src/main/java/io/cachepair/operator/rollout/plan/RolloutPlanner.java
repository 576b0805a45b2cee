package io.cachepair.operator.rollout.plan;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import java.util.List;

/**
 * Decides in which order changed services roll out; {@link CompatibilityRolloutPlanner} orders
 * readers and writers by the cache compatibility mode, {@link SequentialRolloutPlanner} is the
 * default when the schema version stays.
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
