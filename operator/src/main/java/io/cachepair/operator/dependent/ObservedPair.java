package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The two Deployments of a pair as the informer cache shows them, with the few questions the
 * rollout and the status ask about them answered in one place.
 */
public final class ObservedPair {

  private final Map<ServiceRole, Deployment> deployments;

  public ObservedPair(Map<ServiceRole, Deployment> deployments) {
    this.deployments = new EnumMap<>(ServiceRole.class);
    this.deployments.putAll(deployments);
  }

  /** Reads the pair's Deployments from the reconcile context. */
  public static ObservedPair from(CachedServicePair pair, Context<CachedServicePair> context) {
    Map<ServiceRole, Deployment> found = new EnumMap<>(ServiceRole.class);
    for (ServiceRole role : ServiceRole.values()) {
      String name = PairNames.service(pair, role);
      context
          .getSecondaryResourcesAsStream(Deployment.class)
          .filter(d -> name.equals(d.getMetadata().getName()))
          .findFirst()
          .ifPresent(d -> found.put(role, d));
    }
    return new ObservedPair(found);
  }

  public Optional<Deployment> deployment(ServiceRole role) {
    return Optional.ofNullable(deployments.get(role));
  }

  /** Whether both Deployments exist. */
  public boolean complete() {
    return deployments.size() == ServiceRole.values().length;
  }

  /** The revision annotation of the running template, or {@code null}. */
  public String revision(ServiceRole role) {
    return deployment(role)
        .map(d -> d.getMetadata().getAnnotations().get(DeploymentBlueprint.REVISION_ANNOTATION))
        .orElse(null);
  }

  /** Image of the service container, or {@code null}. */
  public String image(ServiceRole role) {
    return deployment(role)
        .map(d -> d.getSpec().getTemplate().getSpec().getContainers())
        .filter(c -> !c.isEmpty())
        .map(c -> c.get(0).getImage())
        .orElse(null);
  }

  /** Cache schema version of the running template, or {@code null}. */
  public Integer schemaVersion(ServiceRole role) {
    return deployment(role)
        .map(d -> d.getSpec().getTemplate().getMetadata())
        .map(m -> m.getAnnotations().get(DeploymentBlueprint.SCHEMA_VERSION_ANNOTATION))
        .map(Integer::valueOf)
        .orElse(null);
  }

  /** Desired replicas of the Deployment (0 when absent). */
  public int replicas(ServiceRole role) {
    return deployment(role).map(d -> d.getSpec().getReplicas()).map(r -> r).orElse(0);
  }

  public int readyReplicas(ServiceRole role) {
    return status(role).map(DeploymentStatus::getReadyReplicas).map(r -> r).orElse(0);
  }

  public int updatedReplicas(ServiceRole role) {
    return status(role).map(DeploymentStatus::getUpdatedReplicas).map(r -> r).orElse(0);
  }

  /** Pods that exist, old and new template (0 before the Deployment controller saw it). */
  public int currentPods(ServiceRole role) {
    return status(role).map(DeploymentStatus::getReplicas).map(r -> r).orElse(0);
  }

  /**
   * Whether the Deployment controller finished: it saw the latest spec and every pod runs the
   * current template and is ready, with no old pod left.
   */
  public boolean settled(ServiceRole role) {
    Optional<Deployment> deployment = deployment(role);
    if (deployment.isEmpty() || deployment.get().getStatus() == null) {
      return false;
    }
    Long generation = deployment.get().getMetadata().getGeneration();
    Long observed = deployment.get().getStatus().getObservedGeneration();
    boolean seen = generation == null || (observed != null && observed >= generation);
    int replicas = replicas(role);
    return seen
        && updatedReplicas(role) == replicas
        && readyReplicas(role) == replicas
        && currentPods(role) == replicas;
  }

  /** Whether both Deployments are settled: every pod of the pair is updated and ready. */
  public boolean allSettled() {
    for (ServiceRole role : ServiceRole.values()) {
      if (!settled(role)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A failure the Deployment controller reports (progress deadline exceeded, replica failure), or
   * {@code null}.
   */
  public String failure(ServiceRole role) {
    return status(role)
        .map(DeploymentStatus::getConditions)
        .flatMap(
            conditions ->
                conditions.stream()
                    .filter(ObservedPair::isFailure)
                    .findFirst()
                    .map(c -> Objects.toString(c.getReason(), c.getType()) + ": " + c.getMessage()))
        .orElse(null);
  }

  private static boolean isFailure(DeploymentCondition c) {
    return ("Progressing".equals(c.getType())
            && "False".equals(c.getStatus())
            && "ProgressDeadlineExceeded".equals(c.getReason()))
        || ("ReplicaFailure".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private Optional<DeploymentStatus> status(ServiceRole role) {
    return deployment(role).map(Deployment::getStatus);
  }
}
