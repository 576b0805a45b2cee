package io.cachepair.operator.probes;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;

/**
 * Asks the running pair whether losing one member now would lose data; an interface so that tests
 * can drive the rollout without a cluster.
 */
@FunctionalInterface
public interface PairSafetyProbe {

  /**
   * Checks the pair. Implementations must return within a few seconds and never throw: a failure to
   * ask is an unsafe verdict with the reason.
   *
   * @param pair the resource whose members are asked
   * @return the verdict, with what the members reported
   */
  SafetyVerdict check(CachedServicePair pair);
}
