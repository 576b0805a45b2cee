package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.probes.MemberPod;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The two Deployments of a pair and their pods as the informer caches show them, with the few
 * questions the rollout and the status ask about them answered in one place. Pods count because a
 * Deployment's status ignores pods that are still terminating: those are still Coherence members.
 */
public final class ObservedPair {

  private final Map<ServiceRole, Deployment> deployments;
  private final Map<ServiceRole, List<Pod>> pods;

  /** Deployments with no pods known (unit tests of what reads only the Deployments). */
  public ObservedPair(Map<ServiceRole, Deployment> deployments) {
    this(deployments, null);
  }

  /**
   * @param deployments the Deployments by role
   * @param pods the pods by role, or {@code null} when unknown: then the Deployments' own counts
   *     decide alone
   */
  public ObservedPair(Map<ServiceRole, Deployment> deployments, Map<ServiceRole, List<Pod>> pods) {
    this.deployments = new EnumMap<>(ServiceRole.class);
    this.deployments.putAll(deployments);
    this.pods = pods == null ? null : new EnumMap<>(pods);
  }

  /** Reads the pair's Deployments and pods from the reconcile context. */
  public static ObservedPair from(CachedServicePair pair, Context<CachedServicePair> context) {
    Map<ServiceRole, Deployment> found = new EnumMap<>(ServiceRole.class);
    Map<ServiceRole, List<Pod>> pods = new EnumMap<>(ServiceRole.class);
    for (ServiceRole role : ServiceRole.values()) {
      String name = PairNames.service(pair, role);
      context
          .getSecondaryResourcesAsStream(Deployment.class)
          .filter(d -> name.equals(d.getMetadata().getName()))
          .findFirst()
          .ifPresent(d -> found.put(role, d));
      pods.put(
          role,
          context
              .getSecondaryResourcesAsStream(Pod.class)
              .filter(p -> role.serviceName().equals(label(p, PairLabels.NAME)))
              .filter(p -> pair.getMetadata().getName().equals(label(p, PairLabels.INSTANCE)))
              .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
              .toList());
    }
    return new ObservedPair(found, pods);
  }

  private static String label(Pod pod, String key) {
    return pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(key);
  }

  /** Whether pods are known (a Pod informer fed this view). */
  public boolean podsKnown() {
    return pods != null;
  }

  /** Every pod of the service, terminating ones included. */
  public List<Pod> pods(ServiceRole role) {
    return pods == null ? List.of() : pods.getOrDefault(role, List.of());
  }

  /** Pods being deleted: still running, still Coherence members, until they are gone. */
  public int terminatingPods(ServiceRole role) {
    return (int) pods(role).stream().filter(ObservedPair::terminating).count();
  }

  /** Pods not being deleted. */
  public int runningPods(ServiceRole role) {
    return (int) pods(role).stream().filter(p -> !terminating(p)).count();
  }

  /** Pods not being deleted whose readiness probe passes. */
  public int readyPods(ServiceRole role) {
    return (int) pods(role).stream().filter(p -> !terminating(p) && ready(p)).count();
  }

  /** The pods not being deleted, as the member probes address them. */
  public List<MemberPod> members(ServiceRole role) {
    return pods(role).stream()
        .filter(p -> !terminating(p))
        .map(
            p ->
                new MemberPod(
                    p.getMetadata().getName(),
                    p.getStatus() == null ? null : p.getStatus().getPodIP(),
                    role,
                    ready(p)))
        .toList();
  }

  /** The ready pods not being deleted. */
  public List<MemberPod> readyMembers(ServiceRole role) {
    return members(role).stream().filter(MemberPod::ready).toList();
  }

  static boolean terminating(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
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

  /**
   * The dish service quorum the running template of the service carries ({@link
   * StorageQuorum#inTemplate}), or {@code null} without a Deployment.
   */
  public Integer quorum(ServiceRole role) {
    return deployment(role)
        .map(d -> StorageQuorum.inTemplate(d.getSpec().getTemplate()))
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
   * Whether the Deployment controller finished and the pods agree: it saw the latest spec, every
   * pod runs the current template and is ready, no old pod is left, and (when pods are known) no
   * pod is still terminating and as many pods run and are ready as the Deployment wants.
   */
  public boolean settled(ServiceRole role) {
    if (!deploymentSettled(role)) {
      return false;
    }
    if (pods == null) {
      return true;
    }
    int replicas = replicas(role);
    return terminatingPods(role) == 0
        && runningPods(role) == replicas
        && readyPods(role) == replicas;
  }

  private boolean deploymentSettled(ServiceRole role) {
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
