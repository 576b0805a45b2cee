package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePairSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Objects;

/**
 * The dish service's write and restore quorum ({@code cachepair.cache.quorum}, rendered as {@value
 * #ENV} on both services' containers): how many storage members a member must see before it writes
 * (a menu answers 503 {@code no-write-quorum}, an order replica is not complete) or restores
 * orphaned partitions. Every pod of the pair, menu and order alike, is a storage member.
 *
 * <p>The rule is a strict majority of the pair's pods, {@code n/2 + 1}, so that of two islands at
 * most one can write: the minority refuses instead of taking writes that the merge would drop.
 * Below three members there is no majority that survives a single loss (a majority of two is two,
 * so one restart, one rolling step or one eviction would stop every write and every order), so one
 * or two members get a quorum of 1: such a pair keeps working through the loss of a member, and an
 * island of one can take writes that are lost when it merges back — the documented limit of a pair
 * below three pods.
 *
 * <p>The value is part of the pod template, so a scale that crosses a boundary (2 → 3, 3 → 4, 5 → 6
 * members, …) changes both templates and rolls every pod, like any other template change.
 */
public final class StorageQuorum {

  /** The variable the services read as {@code cachepair.cache.quorum}. */
  public static final String ENV = "CACHEPAIR_CACHE_QUORUM";

  /** Fewest storage members for which a majority is smaller than the whole cluster. */
  static final int SMALLEST_MAJORITY_CLUSTER = 3;

  private StorageQuorum() {}

  /**
   * The quorum of a cluster of {@code storageMembers}: a strict majority from three members on, 1
   * below.
   */
  public static int of(int storageMembers) {
    if (storageMembers < SMALLEST_MAJORITY_CLUSTER) {
      return 1;
    }
    return storageMembers / 2 + 1;
  }

  /** The quorum the spec asks for: a majority of menu plus order replicas. */
  public static int of(CachedServicePairSpec spec) {
    return of(storageMembers(spec));
  }

  /** Pods of the pair the spec asks for, every one a storage member. */
  public static int storageMembers(CachedServicePairSpec spec) {
    return spec.getMenu().replicasOrDefault() + spec.getOrder().replicasOrDefault();
  }

  /**
   * The quorum a running pod template carries: its {@value #ENV}, or 1 (the services' default) when
   * it has none or no plain value — a template rendered before the operator sized it.
   */
  public static int inTemplate(PodTemplateSpec template) {
    List<Container> containers =
        template == null || template.getSpec() == null
            ? List.of()
            : Objects.requireNonNullElse(template.getSpec().getContainers(), List.of());
    return containers.stream()
        .flatMap(c -> Objects.requireNonNullElse(c.getEnv(), List.<EnvVar>of()).stream())
        .filter(e -> ENV.equals(e.getName()) && e.getValue() != null)
        .map(e -> parse(e.getValue()))
        .max(Integer::compare)
        .orElse(1);
  }

  private static int parse(String value) {
    try {
      return Math.max(1, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
