package io.cachepair.operator.testing;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.dependent.ObservedPair;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Deployments in a given state, for unit tests of the status and the rollout. */
public final class Deployments {

  private Deployments() {}

  /** The Deployment the spec asks for, with {@code ready} of its pods ready and none old. */
  public static Deployment running(CachedServicePair pair, ServiceRole role, int ready) {
    Deployment d =
        DeploymentBlueprint.build(
            pair, role, null, null, role.specOf(pair.getSpec()).replicasOrDefault());
    d.getMetadata().setGeneration(1L);
    int replicas = d.getSpec().getReplicas();
    d.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(1L)
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(ready)
            .build());
    return d;
  }

  /** Both Deployments as the spec asks for them, all pods ready. */
  public static ObservedPair allReady(CachedServicePair pair) {
    return pair(
        running(pair, ServiceRole.MENU, pair.getSpec().getMenu().replicasOrDefault()),
        running(pair, ServiceRole.ORDER, pair.getSpec().getOrder().replicasOrDefault()));
  }

  /** Both Deployments as the spec asks for them, with that many of their pods ready. */
  public static ObservedPair withReady(CachedServicePair pair, int menuReady, int orderReady) {
    return pair(
        running(pair, ServiceRole.MENU, menuReady), running(pair, ServiceRole.ORDER, orderReady));
  }

  /** The Deployments with the pods their status says run (ready first), none terminating. */
  public static ObservedPair pair(Deployment menu, Deployment order) {
    Map<ServiceRole, Deployment> map = new EnumMap<>(ServiceRole.class);
    Map<ServiceRole, List<Pod>> pods = new EnumMap<>(ServiceRole.class);
    if (menu != null) {
      map.put(ServiceRole.MENU, menu);
      pods.put(ServiceRole.MENU, podsOf(menu, 0));
    }
    if (order != null) {
      map.put(ServiceRole.ORDER, order);
      pods.put(ServiceRole.ORDER, podsOf(order, 0));
    }
    return new ObservedPair(map, pods);
  }

  /** As {@link #pair}, with {@code terminating} more pods of {@code role} still leaving. */
  public static ObservedPair withTerminating(
      Deployment menu, Deployment order, ServiceRole role, int terminating) {
    Map<ServiceRole, Deployment> map = new EnumMap<>(ServiceRole.class);
    map.put(ServiceRole.MENU, menu);
    map.put(ServiceRole.ORDER, order);
    Map<ServiceRole, List<Pod>> pods = new EnumMap<>(ServiceRole.class);
    pods.put(ServiceRole.MENU, podsOf(menu, role == ServiceRole.MENU ? terminating : 0));
    pods.put(ServiceRole.ORDER, podsOf(order, role == ServiceRole.ORDER ? terminating : 0));
    return new ObservedPair(map, pods);
  }

  /** Pods as the Deployment's status counts them, plus terminating ones it does not count. */
  static List<Pod> podsOf(Deployment d, int terminating) {
    List<Pod> pods = new ArrayList<>();
    DeploymentStatus status = d.getStatus();
    int running = status == null || status.getReplicas() == null ? 0 : status.getReplicas();
    int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
    for (int i = 0; i < running + terminating; i++) {
      boolean leaving = i >= running;
      pods.add(
          new PodBuilder()
              .withNewMetadata()
              .withName(d.getMetadata().getName() + "-" + i)
              .withLabels(d.getSpec().getTemplate().getMetadata().getLabels())
              .withDeletionTimestamp(leaving ? "2025-01-01T09:59:00Z" : null)
              .endMetadata()
              .withNewStatus()
              .withPodIP("10.244.0." + (i + 2))
              .addNewCondition()
              .withType("Ready")
              .withStatus(i < ready || leaving ? "True" : "False")
              .endCondition()
              .endStatus()
              .build());
    }
    return pods;
  }
}
