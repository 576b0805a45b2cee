package io.cachepair.operator.probes;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;

/**
 * Asks the running pair whether losing one member now would lose data, and which cache contract a
 * service's pods speak; an interface so that tests can drive the rollout without a cluster.
 */
public interface PairSafetyProbe {

  /**
   * Checks the pair. Implementations must return within a few seconds and never throw: a failure to
   * ask is an unsafe verdict with the reason.
   *
   * @param pair the resource whose members are asked
   * @return the verdict, with what the members reported
   */
  SafetyVerdict check(CachedServicePair pair);

  /**
   * Asks the ready pods of one service which contract they and the members they see announce.
   * Implementations must return within a few seconds and never throw: a failure to ask is an
   * {@linkplain ContractReport#unknown unknown} report with the reason.
   *
   * @param pair the resource whose members are asked
   * @param role the service whose pods answer (its ClusterIP Service routes to ready pods only)
   * @return what the service's members reported
   */
  ContractReport contractOf(CachedServicePair pair, ServiceRole role);
}
