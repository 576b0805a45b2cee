package io.cachepair.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CachedServicePairStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.MenuDeploymentDependent;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.dependent.OrderDeploymentDependent;
import io.cachepair.operator.testing.Deployments;
import io.cachepair.operator.testing.Pairs;
import io.cachepair.operator.testing.ScriptedSafetyProbe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RolloutCoordinatorTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  private final ScriptedSafetyProbe safety = new ScriptedSafetyProbe();
  private final RolloutCoordinator coordinator =
      new RolloutCoordinator(new SequentialRolloutPlanner(), safety);
  private final CachedServicePair pair = Pairs.minimal("food");

  @Test
  void advance_specMatchesWhatRuns_hasNoPlanAndAsksNoOne() {
    RolloutProgress progress = coordinator.advance(pair, Deployments.allReady(pair), NOW);

    assertThat(progress.rollout()).isNull();
    assertThat(safety.checks()).isZero();
  }

  @Test
  void advance_bothImagesChange_plansOrderThenMenu_andStartsOnlyTheFirst() {
    ObservedPair running = Deployments.allReady(pair);
    newImages(2);

    RolloutStatus plan = coordinator.advance(pair, running, NOW).rollout();

    assertThat(plan.getSteps())
        .extracting(RolloutStep::getService, RolloutStep::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ServiceRole.ORDER, StepState.InProgress),
            org.assertj.core.groups.Tuple.tuple(ServiceRole.MENU, StepState.Pending));
    assertThat(plan.getSteps().get(1).getFromImage()).isEqualTo("registry.example/menu-service:1");
    assertThat(plan.getSteps().get(1).getToImage()).isEqualTo("registry.example/menu-service:2");
    assertThat(plan.getCurrentStep()).isEqualTo(1);
    assertThat(plan.getSummary()).isEqualTo("1/2 order Update");
    assertThat(safety.checks()).isEqualTo(1);
  }

  @Test
  void advance_unsafePair_waitsWithReason_andStartsNothing() {
    ObservedPair running = Deployments.allReady(pair);
    newImages(2);
    safety.report("ENDANGERED");

    RolloutProgress progress = coordinator.advance(pair, running, NOW);

    assertThat(progress.rollout().getSteps()).allMatch(s -> s.getState() == StepState.Pending);
    assertThat(progress.rollout().getWaitingFor()).contains("NODE_SAFE").contains("ENDANGERED");
    assertThat(progress.recheck()).contains(RolloutCoordinator.SAFETY_RECHECK);
  }

  @Test
  void advance_firstStepPodsNotAllReady_secondStepWaits() {
    ObservedPair before = Deployments.allReady(pair);
    newImages(2);
    pair.setStatus(statusWith(coordinator.advance(pair, before, NOW).rollout()));
    // order got its new template; its new pod is not ready yet
    Deployment order =
        new OrderDeploymentDependent()
            .desiredFor(pair, before.deployment(ServiceRole.ORDER).orElseThrow());
    order.setStatus(before.deployment(ServiceRole.ORDER).orElseThrow().getStatus());
    order.getStatus().setUpdatedReplicas(0);
    ObservedPair rolling =
        Deployments.pair(before.deployment(ServiceRole.MENU).orElseThrow(), order);

    RolloutStatus plan = coordinator.advance(pair, rolling, NOW).rollout();

    assertThat(plan.getSteps().get(0).getState()).isEqualTo(StepState.InProgress);
    assertThat(plan.getSteps().get(1).getState()).isEqualTo(StepState.Pending);
    assertThat(plan.getWaitingFor()).contains("order-service to roll out (0/1 updated");
  }

  @Test
  void advance_restartedMidPlan_resumesAtSecondStep_withoutRepeatingTheFirst() {
    ObservedPair before = Deployments.allReady(pair);
    newImages(2);
    pair.setStatus(statusWith(coordinator.advance(pair, before, NOW).rollout()));
    // order finished rolling; a new coordinator (restarted operator) reads the plan from status
    Deployment order =
        new OrderDeploymentDependent()
            .desiredFor(pair, before.deployment(ServiceRole.ORDER).orElseThrow());
    order.getMetadata().setGeneration(2L);
    order.setStatus(before.deployment(ServiceRole.ORDER).orElseThrow().getStatus());
    order.getStatus().setObservedGeneration(2L);
    CachedServicePair reread = new KubernetesSerialization().clone(pair);
    RolloutCoordinator restarted = new RolloutCoordinator(new SequentialRolloutPlanner(), safety);

    RolloutStatus plan =
        restarted
            .advance(
                reread,
                Deployments.pair(before.deployment(ServiceRole.MENU).orElseThrow(), order),
                NOW.plusSeconds(60))
            .rollout();

    assertThat(plan.getSteps().get(0).getState()).isEqualTo(StepState.Complete);
    assertThat(plan.getSteps().get(0).getStartedAt()).isEqualTo("2025-01-01T10:00:00Z");
    assertThat(plan.getSteps().get(1).getState()).isEqualTo(StepState.InProgress);
    assertThat(plan.getCurrentStep()).isEqualTo(2);
  }

  @Test
  void advance_pauseBetweenSteps_waitsBeforeTheNextStep() {
    pair.getSpec().getRollout().setPauseBetweenSteps("PT30S");
    ObservedPair before = Deployments.allReady(pair);
    newImages(2);
    RolloutStatus plan = coordinator.advance(pair, before, NOW).rollout();
    plan.getSteps().get(0).setState(StepState.Complete);
    plan.getSteps().get(0).setCompletedAt("2025-01-01T10:00:00Z");
    pair.setStatus(statusWith(plan));

    RolloutProgress progress = coordinator.advance(pair, before, NOW.plusSeconds(10));

    assertThat(progress.rollout().getSteps().get(1).getState()).isEqualTo(StepState.Pending);
    assertThat(progress.rollout().getWaitingFor()).contains("pause");
    assertThat(progress.recheck()).contains(java.time.Duration.ofSeconds(20));
  }

  @Test
  void advance_scaleInByTwo_plansOnePodPerStep() {
    pair.getSpec().getMenu().setReplicas(3);
    ObservedPair three = Deployments.allReady(pair);
    pair.getSpec().getMenu().setReplicas(1);

    RolloutStatus plan = coordinator.advance(pair, three, NOW).rollout();

    assertThat(plan.getSteps())
        .extracting(
            RolloutStep::getAction, RolloutStep::getFromReplicas, RolloutStep::getToReplicas)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(StepAction.ScaleIn, 3, 2),
            org.assertj.core.groups.Tuple.tuple(StepAction.ScaleIn, 2, 1));
    assertThat(plan.getSteps().get(0).getState()).isEqualTo(StepState.InProgress);
    pair.setStatus(statusWith(plan));
    assertThat(
            new MenuDeploymentDependent()
                .desiredFor(pair, three.deployment(ServiceRole.MENU).orElseThrow())
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void advance_blockingPlanner_rollsNothingAndKeepsTheReason() {
    RolloutCoordinator blocking =
        new RolloutCoordinator(
            (p, changes) -> PlanDecision.blocked("IncompatibleSchemaChange", "NONE needs Recreate"),
            safety);
    ObservedPair before = Deployments.allReady(pair);
    newImages(2);

    RolloutStatus plan = blocking.advance(pair, before, NOW).rollout();

    assertThat(plan.getBlockedReason()).isEqualTo("IncompatibleSchemaChange");
    assertThat(plan.holdsTemplateOf(ServiceRole.MENU)).isTrue();
    assertThat(safety.checks()).isZero();
  }

  private void newImages(int version) {
    pair.getMetadata().setGeneration(2L);
    pair.getSpec().getMenu().setImage("registry.example/menu-service:" + version);
    pair.getSpec().getOrder().setImage("registry.example/order-service:" + version);
  }

  private static CachedServicePairStatus statusWith(RolloutStatus rollout) {
    CachedServicePairStatus status = new CachedServicePairStatus();
    status.setRollout(rollout);
    return status;
  }
}
