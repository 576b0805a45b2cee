package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;

/**
 * One PodDisruptionBudget over all pods of the pair: with backup-count 1 two storage members
 * leaving together can lose partitions, and a pod under two budgets could not be evicted at all.
 */
public class PairDisruptionBudgetDependent
    extends CRUDKubernetesDependentResource<PodDisruptionBudget, CachedServicePair> {

  public PairDisruptionBudgetDependent() {
    super(PodDisruptionBudget.class);
  }

  @Override
  protected PodDisruptionBudget desired(
      CachedServicePair pair, Context<CachedServicePair> context) {
    return desired(pair);
  }

  /** The desired budget. */
  public static PodDisruptionBudget desired(CachedServicePair pair) {
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName(PairNames.disruptionBudget(pair))
        .withNamespace(pair.getMetadata().getNamespace())
        .withLabels(PairLabels.forPair(pair, "disruption-budget"))
        .endMetadata()
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .withMatchLabels(PairLabels.pairSelector(pair))
        .endSelector()
        .endSpec()
        .build();
  }
}
