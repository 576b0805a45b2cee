package io.cachepair.operator.rollout.plan;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.RolloutStrategy;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Orders a cache schema change by {@code spec.cache.compatibility}. Every member stores partitions
 * and holds a full view, so during menu's own rolling step old and new menu pods read each other's
 * writes: safe both ways only under FULL (the evolvable-POF round trip is the evidence). Hence FULL
 * rolls order then menu with writes flowing; BACKWARD order first, then menu under a write pause;
 * FORWARD menu first under a write pause, then order; NONE rolls nothing unless the resource
 * accepts the downtime of a Recreate (both services stop, then start together). Changes that keep
 * the schema version go to the default plan.
 */
public final class CompatibilityRolloutPlanner implements RolloutPlanner {

  /** Reason of a NONE schema change without {@code strategy: Recreate}. */
  public static final String INCOMPATIBLE_SCHEMA_CHANGE = "IncompatibleSchemaChange";

  private final RolloutPlanner sameSchema;

  /** Schema changes by compatibility, everything else by the {@link SequentialRolloutPlanner}. */
  public CompatibilityRolloutPlanner() {
    this(new SequentialRolloutPlanner());
  }

  /**
   * @param sameSchema plans changes that keep the schema version (images, configuration)
   */
  public CompatibilityRolloutPlanner(RolloutPlanner sameSchema) {
    this.sameSchema = sameSchema;
  }

  @Override
  public PlanDecision plan(CachedServicePair pair, List<ServiceChange> changes) {
    if (changes.stream().noneMatch(ServiceChange::changesSchema)) {
      return sameSchema.plan(pair, changes);
    }
    CompatibilityMode mode =
        Objects.requireNonNullElse(
            pair.getSpec().getCache().getCompatibility(), CompatibilityMode.BACKWARD);
    String versions = "schema " + from(changes) + "->" + to(pair);
    return switch (mode) {
      case BACKWARD ->
          PlanDecision.inOrder(
              changed(changes, ServiceRole.ORDER, ServiceRole.MENU),
              versions
                  + " BACKWARD (new readers read old data): order-service (reader) first, then"
                  + " menu-service once every new order pod is ready and reports contract "
                  + to(pair)
                  + "; menu-service rolls under a write pause, since its old pods may not read"
                  + " what its new pods write (orders keep flowing)",
              mode,
              Set.of(ServiceRole.MENU));
      case FORWARD ->
          PlanDecision.inOrder(
              changed(changes, ServiceRole.MENU, ServiceRole.ORDER),
              versions
                  + " FORWARD (old readers read new data): menu-service (writer) first under a"
                  + " write pause, since its new pods may not read what its old pods write, then"
                  + " order-service once every new menu pod is ready and reports contract "
                  + to(pair),
              mode,
              Set.of(ServiceRole.MENU));
      case FULL ->
          PlanDecision.inOrder(
              changed(changes, ServiceRole.ORDER, ServiceRole.MENU),
              versions
                  + " FULL (either version reads the other's data): order-service, then"
                  + " menu-service with writes flowing; one Deployment at a time",
              mode,
              Set.of());
      case NONE -> none(pair, changes, versions);
    };
  }

  private static PlanDecision none(
      CachedServicePair pair, List<ServiceChange> changes, String versions) {
    if (pair.getSpec().rolloutOrDefault().getStrategy() == RolloutStrategy.Recreate) {
      return PlanDecision.recreate(
          changed(changes, ServiceRole.MENU, ServiceRole.ORDER),
          versions
              + " NONE with strategy Recreate: both services stop (downtime), order-service"
              + " first, then both start together on the new templates, so that their pods make"
              + " the dish service's quorum (one service's pods alone may not); menu-service gets"
              + " ready after its preload from its database, order-service once that preload is"
              + " done",
          CompatibilityMode.NONE);
    }
    return PlanDecision.blocked(
        INCOMPATIBLE_SCHEMA_CHANGE,
        versions
            + " is NONE-compatible: members of schema "
            + from(changes)
            + " and "
            + to(pair)
            + " cannot share the cache, so no rolling order keeps both services working. Set"
            + " spec.rollout.strategy: Recreate to accept downtime of both services, or go back"
            + " to schema "
            + from(changes)
            + " and publish a compatible change",
        CompatibilityMode.NONE);
  }

  private static List<ServiceRole> changed(List<ServiceChange> changes, ServiceRole... order) {
    return List.of(order).stream()
        .filter(role -> changes.stream().anyMatch(c -> c.role() == role))
        .toList();
  }

  private static Integer from(List<ServiceChange> changes) {
    return changes.stream()
        .map(ServiceChange::fromSchemaVersion)
        .filter(Objects::nonNull)
        .min(Integer::compare)
        .orElse(null);
  }

  private static Integer to(CachedServicePair pair) {
    return pair.getSpec().getCache().getSchemaVersion();
  }
}
