package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Optional;

/**
 * The Deployment of one service; it reads the rollout plan from the status so that a service whose
 * step has not started keeps the template it runs, which makes rollouts one Deployment at a time.
 */
public abstract class ServiceDeploymentDependent
    extends CRUDKubernetesDependentResource<Deployment, CachedServicePair> {

  private final ServiceRole role;

  protected ServiceDeploymentDependent(ServiceRole role) {
    super(Deployment.class);
    this.role = role;
  }

  @Override
  protected Deployment desired(CachedServicePair pair, Context<CachedServicePair> context) {
    return desiredFor(pair, getSecondaryResource(pair, context).orElse(null));
  }

  /** The desired Deployment given the one that exists now ({@code null} if none). */
  public Deployment desiredFor(CachedServicePair pair, Deployment actual) {
    RolloutStatus plan = pair.getStatus() == null ? null : pair.getStatus().getRollout();
    int specReplicas = role.specOf(pair.getSpec()).replicasOrDefault();
    if (actual == null) {
      return DeploymentBlueprint.build(pair, role, null, null, specReplicas);
    }
    boolean hold = plan != null && plan.holdsTemplateOf(role);
    PodTemplateSpec held = hold ? actual.getSpec().getTemplate() : null;
    String heldRevision =
        hold
            ? actual.getMetadata().getAnnotations().get(DeploymentBlueprint.REVISION_ANNOTATION)
            : null;
    return DeploymentBlueprint.build(
        pair, role, held, heldRevision, replicas(plan, specReplicas, actual));
  }

  private int replicas(RolloutStatus plan, int specReplicas, Deployment actual) {
    Integer planned = plan == null ? null : plan.replicasOf(role);
    if (planned != null) {
      return planned;
    }
    int current = Optional.ofNullable(actual.getSpec().getReplicas()).orElse(specReplicas);
    // Scaling out is always safe; scaling in happens only through planned, checked steps.
    return Math.max(specReplicas, current);
  }

  @Override
  protected ResourceID targetSecondaryResourceID(
      CachedServicePair pair, Context<CachedServicePair> context) {
    return new ResourceID(PairNames.service(pair, role), pair.getMetadata().getNamespace());
  }
}
