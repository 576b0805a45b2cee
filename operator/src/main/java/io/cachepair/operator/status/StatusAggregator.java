package io.cachepair.operator.status;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CachedServicePairStatus;
import io.cachepair.operator.api.v1alpha1.PairCondition;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.ServiceStatus;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.dependent.PairLabels;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the observed Deployments and the rollout plan into the pair's status: a phase for humans
 * and the Ready, Progressing and Degraded conditions, keeping a condition's lastTransitionTime
 * while its status does not change.
 */
public final class StatusAggregator {

  /**
   * Builds the status.
   *
   * @param previous the status before this pass, or {@code null}
   * @param pair the resource (for its generation)
   * @param observed the pair's Deployments
   * @param rollout the rollout plan after this pass, or {@code null}
   * @param now the time of this pass
   * @return a new status; equal (as JSON) to {@code previous} when nothing changed
   */
  public CachedServicePairStatus aggregate(
      CachedServicePairStatus previous,
      CachedServicePair pair,
      ObservedPair observed,
      RolloutStatus rollout,
      Instant now) {
    Long generation = pair.getMetadata().getGeneration();
    CachedServicePairStatus status = new CachedServicePairStatus();
    status.setObservedGeneration(generation);
    status.setMenu(serviceStatus(previous, ServiceRole.MENU, observed, now));
    status.setOrder(serviceStatus(previous, ServiceRole.ORDER, observed, now));
    status.setSchema(schema(observed, rollout));
    status.setRollout(rollout);
    if (observed.deployment(ServiceRole.ORDER).isPresent()) {
      status.setOrderReplicas(
          observed.podsKnown()
              ? observed.runningPods(ServiceRole.ORDER)
              : observed.currentPods(ServiceRole.ORDER));
    }
    status.setOrderSelector(
        PairLabels.serviceSelector(pair, ServiceRole.ORDER).entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",")));

    Verdict verdict = verdict(previous, observed, rollout);
    status.setPhase(verdict.phase());
    List<PairCondition> conditions = new ArrayList<>();
    boolean ready = verdict.phase() == PairPhase.Ready;
    conditions.add(
        condition(
            previous,
            PairCondition.READY,
            ready,
            ready ? "AllPodsReady" : verdict.phase().name(),
            verdict.message(),
            generation,
            now));
    boolean progressing =
        verdict.phase() == PairPhase.Pending
            || verdict.phase() == PairPhase.Preloading
            || verdict.phase() == PairPhase.RollingOut;
    conditions.add(
        condition(
            previous,
            PairCondition.PROGRESSING,
            progressing,
            progressing ? verdict.phase().name() : "Stable",
            progressing ? verdict.message() : "nothing to create, preload or roll out",
            generation,
            now));
    boolean degraded =
        verdict.phase() == PairPhase.Degraded || verdict.phase() == PairPhase.Blocked;
    boolean plannedDowntime = rollout != null && rollout.acceptsDowntime();
    conditions.add(
        condition(
            previous,
            PairCondition.DEGRADED,
            degraded,
            degraded ? verdict.reason() : plannedDowntime ? "PlannedDowntime" : "AsExpected",
            degraded
                ? verdict.message()
                : plannedDowntime
                    ? "services stop as spec.rollout.strategy Recreate accepts"
                    : "both services serve",
            generation,
            now));
    status.setConditions(conditions);
    return status;
  }

  private record Verdict(PairPhase phase, String reason, String message) {}

  private static Verdict verdict(
      CachedServicePairStatus previous, ObservedPair observed, RolloutStatus rollout) {
    List<String> missing = new ArrayList<>();
    for (ServiceRole role : ServiceRole.values()) {
      if (observed.deployment(role).isEmpty()) {
        missing.add(role.serviceName());
      }
    }
    if (!missing.isEmpty()) {
      return new Verdict(
          PairPhase.Pending,
          "Creating",
          "waiting for the Deployment of " + String.join(" and ", missing) + " to be created");
    }
    if (rollout != null && rollout.blocked()) {
      return new Verdict(PairPhase.Blocked, rollout.getBlockedReason(), rollout.getWaitingFor());
    }
    if (rollout != null && rollout.acceptsDowntime() && !rollout.getSteps().isEmpty()) {
      // The resource asked for this downtime (NONE schema change with strategy Recreate).
      return new Verdict(
          PairPhase.RollingOut,
          "RollingOut",
          "step "
              + rollout.getSummary()
              + " (planned downtime, spec.rollout.strategy Recreate): waiting for "
              + rollout.getWaitingFor());
    }
    Verdict down = unavailable(previous, observed);
    if (down != null) {
      return down;
    }
    for (ServiceRole role : ServiceRole.values()) {
      String failure = observed.failure(role);
      if (failure != null) {
        return new Verdict(
            PairPhase.Degraded,
            "DeploymentFailed",
            role.serviceName() + " Deployment does not progress: " + failure);
      }
    }
    if (rollout != null && !rollout.getSteps().isEmpty()) {
      return new Verdict(
          PairPhase.RollingOut,
          "RollingOut",
          "step " + rollout.getSummary() + ": waiting for " + rollout.getWaitingFor());
    }
    List<String> waiting = new ArrayList<>();
    boolean anyPod = false;
    for (ServiceRole role : ServiceRole.values()) {
      anyPod |= observed.currentPods(role) > 0;
      if (!observed.settled(role)) {
        waiting.add(
            role.serviceName()
                + " ("
                + observed.readyReplicas(role)
                + "/"
                + observed.replicas(role)
                + " ready)");
      }
    }
    if (waiting.isEmpty()) {
      return new Verdict(
          PairPhase.Ready,
          "AllPodsReady",
          "menu-service "
              + observed.readyReplicas(ServiceRole.MENU)
              + " and order-service "
              + observed.readyReplicas(ServiceRole.ORDER)
              + " pods ready");
    }
    if (!anyPod && neverReady(previous)) {
      return new Verdict(PairPhase.Pending, "Scheduling", "waiting for pods to be scheduled");
    }
    return new Verdict(
        PairPhase.Preloading,
        "Preloading",
        "waiting for the preload of " + String.join(" and ", waiting));
  }

  /**
   * A service that was ready once and has no ready pod now; the other side says what still works.
   */
  private static Verdict unavailable(CachedServicePairStatus previous, ObservedPair observed) {
    boolean menuDown = down(previous, ServiceRole.MENU, observed);
    boolean orderDown = down(previous, ServiceRole.ORDER, observed);
    String menuCount = "0/" + observed.replicas(ServiceRole.MENU);
    String orderCount = "0/" + observed.replicas(ServiceRole.ORDER);
    if (menuDown && orderDown) {
      return new Verdict(
          PairPhase.Degraded,
          "ServicesUnavailable",
          "neither menu-service ("
              + menuCount
              + ") nor order-service ("
              + orderCount
              + ") has a ready pod");
    }
    if (menuDown) {
      return new Verdict(
          PairPhase.Degraded,
          "MenuUnavailable",
          "menu-service has no ready pod ("
              + menuCount
              + " ready); orders continue from the cache, dish changes wait for menu-service");
    }
    if (orderDown) {
      return new Verdict(
          PairPhase.Degraded,
          "OrderUnavailable",
          "order-service has no ready pod ("
              + orderCount
              + " ready); no orders are taken, menu-service keeps the dish cache");
    }
    return null;
  }

  private static boolean down(
      CachedServicePairStatus previous, ServiceRole role, ObservedPair observed) {
    return firstReadyTime(previous, role).isPresent() && observed.readyReplicas(role) == 0;
  }

  private static boolean neverReady(CachedServicePairStatus previous) {
    return firstReadyTime(previous, ServiceRole.MENU).isEmpty()
        && firstReadyTime(previous, ServiceRole.ORDER).isEmpty();
  }

  private static Optional<String> firstReadyTime(
      CachedServicePairStatus previous, ServiceRole role) {
    return Optional.ofNullable(previous)
        .map(p -> p.serviceStatus(role))
        .map(ServiceStatus::getFirstReadyTime);
  }

  private static ServiceStatus serviceStatus(
      CachedServicePairStatus previous, ServiceRole role, ObservedPair observed, Instant now) {
    if (observed.deployment(role).isEmpty()) {
      return null;
    }
    ServiceStatus status = new ServiceStatus();
    status.setImage(observed.image(role));
    status.setSchemaVersion(observed.schemaVersion(role));
    status.setReplicas(observed.replicas(role));
    status.setReadyReplicas(observed.readyReplicas(role));
    status.setUpdatedReplicas(observed.updatedReplicas(role));
    status.setReady(observed.readyReplicas(role) + "/" + observed.replicas(role));
    status.setFirstReadyTime(
        firstReadyTime(previous, role)
            .orElse(observed.settled(role) && observed.replicas(role) > 0 ? timestamp(now) : null));
    return status;
  }

  private static String schema(ObservedPair observed, RolloutStatus rollout) {
    Integer menu = observed.schemaVersion(ServiceRole.MENU);
    Integer order = observed.schemaVersion(ServiceRole.ORDER);
    if (menu == null && order == null) {
      return null;
    }
    if (menu == null || order == null || menu.equals(order)) {
      return String.valueOf(Objects.requireNonNullElse(menu, order));
    }
    if (rollout != null && rollout.getFromSchemaVersion() != null) {
      return rollout.getFromSchemaVersion() + "->" + rollout.getToSchemaVersion();
    }
    return Math.min(menu, order) + "->" + Math.max(menu, order);
  }

  private static PairCondition condition(
      CachedServicePairStatus previous,
      String type,
      boolean value,
      String reason,
      String message,
      Long generation,
      Instant now) {
    String status = value ? "True" : "False";
    String since =
        Optional.ofNullable(previous)
            .map(CachedServicePairStatus::getConditions)
            .flatMap(
                list ->
                    list.stream()
                        .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
                        .findFirst())
            .map(PairCondition::getLastTransitionTime)
            .orElse(timestamp(now));
    return new PairCondition(type, status, reason, message, since, generation);
  }

  static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
