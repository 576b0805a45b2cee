package io.cachepair.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CachedServicePairStatus;
import io.cachepair.operator.api.v1alpha1.PairCondition;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.CoherenceNetworkPolicyDependent;
import io.cachepair.operator.dependent.MenuDeploymentDependent;
import io.cachepair.operator.dependent.MenuServiceDependent;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.dependent.OrderDeploymentDependent;
import io.cachepair.operator.dependent.OrderServiceDependent;
import io.cachepair.operator.dependent.PairDisruptionBudgetDependent;
import io.cachepair.operator.dependent.PairLabels;
import io.cachepair.operator.dependent.Rendering;
import io.cachepair.operator.dependent.WkaServiceDependent;
import io.cachepair.operator.events.PairEvents;
import io.cachepair.operator.metrics.OperatorMetrics;
import io.cachepair.operator.rollout.RolloutCoordinator;
import io.cachepair.operator.rollout.RolloutProgress;
import io.cachepair.operator.rollout.plan.PlanBuilder;
import io.cachepair.operator.rollout.words.Decision;
import io.cachepair.operator.rollout.words.Reasons;
import io.cachepair.operator.status.StatusAggregator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The one reconciler of a pair: it advances the rollout plan, lets the managed workflow apply the
 * dependents (which read that plan), records what it saw in status, and says every decision as a
 * log line, an Event and a metric, never waiting in between.
 */
@ControllerConfiguration(
    name = CachedServicePairReconciler.NAME,
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(
          name = "wka-service",
          type = WkaServiceDependent.class,
          useEventSourceWithName = CachedServicePairReconciler.SERVICES),
      @Dependent(
          name = "menu-service",
          type = MenuServiceDependent.class,
          useEventSourceWithName = CachedServicePairReconciler.SERVICES),
      @Dependent(
          name = "order-service",
          type = OrderServiceDependent.class,
          useEventSourceWithName = CachedServicePairReconciler.SERVICES),
      @Dependent(name = "disruption-budget", type = PairDisruptionBudgetDependent.class),
      @Dependent(name = "network-policy", type = CoherenceNetworkPolicyDependent.class),
      @Dependent(
          name = "menu-deployment",
          type = MenuDeploymentDependent.class,
          dependsOn = {"wka-service", "disruption-budget", "network-policy"},
          useEventSourceWithName = CachedServicePairReconciler.DEPLOYMENTS),
      @Dependent(
          name = "order-deployment",
          type = OrderDeploymentDependent.class,
          dependsOn = {"wka-service", "disruption-budget", "network-policy"},
          useEventSourceWithName = CachedServicePairReconciler.DEPLOYMENTS)
    })
public class CachedServicePairReconciler implements Reconciler<CachedServicePair> {

  /** Controller name, also the field manager. */
  public static final String NAME = "cachedservicepair";

  static final String DEPLOYMENTS = "deployments";
  static final String SERVICES = "services";
  static final String PODS = "pods";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final RolloutCoordinator rollout;
  private final StatusAggregator aggregator;
  private final Clock clock;
  private final PairEvents events;
  private final OperatorMetrics metrics;
  private final Rendering rendering;

  public CachedServicePairReconciler(
      RolloutCoordinator rollout,
      StatusAggregator aggregator,
      Clock clock,
      PairEvents events,
      OperatorMetrics metrics,
      Rendering rendering) {
    this.rollout = rollout;
    this.aggregator = aggregator;
    this.clock = clock;
    this.events = events;
    this.metrics = metrics;
    this.rendering = rendering;
  }

  @Override
  public List<EventSource<?, CachedServicePair>> prepareEventSources(
      EventSourceContext<CachedServicePair> context) {
    List<EventSource<?, CachedServicePair>> sources = new ArrayList<>();
    sources.add(informer(Deployment.class, DEPLOYMENTS, context));
    sources.add(informer(Service.class, SERVICES, context));
    // Pods belong to ReplicaSets, not to the pair: map them back through the instance label.
    sources.add(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, CachedServicePair.class)
                .withName(PODS)
                .withLabelSelector(PairLabels.MANAGED_SELECTOR)
                .withSecondaryToPrimaryMapper(
                    pod -> {
                      String instance =
                          pod.getMetadata().getLabels() == null
                              ? null
                              : pod.getMetadata().getLabels().get(PairLabels.INSTANCE);
                      return instance == null
                          ? Set.of()
                          : Set.of(new ResourceID(instance, pod.getMetadata().getNamespace()));
                    })
                .build(),
            context));
    return sources;
  }

  private static <R extends HasMetadata> InformerEventSource<R, CachedServicePair> informer(
      Class<R> type, String name, EventSourceContext<CachedServicePair> context) {
    return new InformerEventSource<>(
        InformerEventSourceConfiguration.from(type, CachedServicePair.class)
            .withName(name)
            .withLabelSelector(PairLabels.MANAGED_SELECTOR)
            .build(),
        context);
  }

  @Override
  public UpdateControl<CachedServicePair> reconcile(
      CachedServicePair pair, Context<CachedServicePair> context) {
    Instant now = clock.instant();
    CachedServicePairStatus previous = copy(pair.getStatus());

    RolloutProgress progress =
        rollout.advance(
            pair, ObservedPair.from(pair, context), now, upgradeElsewhere(pair, context));
    if (pair.getStatus() == null) {
      pair.setStatus(new CachedServicePairStatus());
    }
    // The Deployment dependents read the plan from the status: set it before they run.
    pair.getStatus().setRollout(progress.rollout());
    context.managedWorkflowAndDependentResourceContext().put(Rendering.KEY, rendering);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

    CachedServicePairStatus next =
        aggregator.aggregate(
            previous, pair, ObservedPair.from(pair, context), progress.rollout(), now);
    pair.setStatus(previous);
    if (!sameAs(previous, next)) {
      // The plan in status is state the next pass needs: patch it and cache the result, so a pass
      // triggered before the informer saw the patch does not plan from a stale status.
      PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(
          pair,
          context,
          p -> {
            p.setStatus(next);
            return p;
          });
    }
    for (Decision decision : progress.decisions()) {
      events.record(context.getClient(), pair, decision);
      metrics.decided(decision);
    }
    UpdateControl<CachedServicePair> control = UpdateControl.noUpdate();
    progress.recheck().ifPresent(control::rescheduleAfter);
    return control;
  }

  /** Another pair of this operator whose operator-upgrade plan has started and not finished. */
  private static Optional<String> upgradeElsewhere(
      CachedServicePair pair, Context<CachedServicePair> context) {
    return context
        .getPrimaryCache()
        .list()
        .filter(other -> !Objects.equals(other.getMetadata().getUid(), pair.getMetadata().getUid()))
        .filter(other -> other.getStatus() != null && other.getStatus().getRollout() != null)
        .filter(
            other -> {
              RolloutStatus plan = other.getStatus().getRollout();
              return PlanBuilder.OPERATOR_UPGRADE.equals(plan.getTrigger())
                  && plan.getSteps().stream().anyMatch(s -> s.getState() != StepState.Pending);
            })
        .map(other -> other.getMetadata().getNamespace() + "/" + other.getMetadata().getName())
        .findFirst();
  }

  @Override
  public ErrorStatusUpdateControl<CachedServicePair> updateErrorStatus(
      CachedServicePair pair, Context<CachedServicePair> context, Exception e) {
    CachedServicePairStatus status =
        Objects.requireNonNullElseGet(pair.getStatus(), CachedServicePairStatus::new);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    status.setPhase(PairPhase.Degraded);
    status.getConditions().removeIf(c -> PairCondition.DEGRADED.equals(c.getType()));
    status
        .getConditions()
        .add(
            new PairCondition(
                PairCondition.DEGRADED,
                "True",
                Reasons.RECONCILE_ERROR,
                String.valueOf(e.getMessage()),
                now,
                pair.getMetadata().getGeneration()));
    pair.setStatus(status);
    Decision failed =
        Decision.warning(Reasons.RECONCILE_ERROR, "reconcile failed: " + e.getMessage());
    events.record(context.getClient(), pair, failed);
    metrics.decided(failed);
    return ErrorStatusUpdateControl.patchStatus(pair);
  }

  private static CachedServicePairStatus copy(CachedServicePairStatus status) {
    return status == null ? null : SERIALIZATION.clone(status);
  }

  private static boolean sameAs(CachedServicePairStatus previous, CachedServicePairStatus next) {
    return previous != null
        && SERIALIZATION
            .convertValue(previous, JsonNode.class)
            .equals(SERIALIZATION.convertValue(next, JsonNode.class));
  }
}
