package io.cachepair.operator.testing;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.dependent.ObservedPair;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.EnumMap;
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

  public static ObservedPair pair(Deployment menu, Deployment order) {
    Map<ServiceRole, Deployment> map = new EnumMap<>(ServiceRole.class);
    if (menu != null) {
      map.put(ServiceRole.MENU, menu);
    }
    if (order != null) {
      map.put(ServiceRole.ORDER, order);
    }
    return new ObservedPair(map);
  }
}
