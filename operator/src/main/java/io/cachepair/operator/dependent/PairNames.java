package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;

/** Names of a pair's resources, derived from the resource name so they are stable and unique. */
public final class PairNames {

  private PairNames() {}

  /** Headless Service whose DNS name is the Coherence WKA address of both services. */
  public static String wkaService(CachedServicePair pair) {
    return pair.getMetadata().getName() + "-wka";
  }

  /** Deployment and ClusterIP Service of one service. */
  public static String service(CachedServicePair pair, ServiceRole role) {
    return pair.getMetadata().getName() + "-" + role.id();
  }

  /** The one PodDisruptionBudget over all pods of the pair. */
  public static String disruptionBudget(CachedServicePair pair) {
    return pair.getMetadata().getName();
  }

  /** NetworkPolicy that keeps Coherence traffic inside the pair. */
  public static String networkPolicy(CachedServicePair pair) {
    return pair.getMetadata().getName() + "-coherence";
  }

  /** DNS name the members use as {@code COHERENCE_WKA}; resolves through the pod search path. */
  public static String wkaHost(CachedServicePair pair) {
    return wkaService(pair) + "." + pair.getMetadata().getNamespace() + ".svc";
  }
}
