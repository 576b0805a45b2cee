package io.cachepair.operator.rollout;

import static io.cachepair.operator.testing.Rollouts.statusWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.RolloutStrategy;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.dependent.MenuDeploymentDependent;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.dependent.OrderDeploymentDependent;
import io.cachepair.operator.dependent.ServiceDeploymentDependent;
import io.cachepair.operator.dependent.StorageQuorum;
import io.cachepair.operator.rollout.plan.CompatibilityRolloutPlanner;
import io.cachepair.operator.rollout.plan.PlanDecision;
import io.cachepair.operator.rollout.plan.RolloutPlanner;
import io.cachepair.operator.rollout.plan.SequentialRolloutPlanner;
import io.cachepair.operator.testing.Deployments;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutCoordinatorTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  private static final RolloutCoordinator.Timings TIMINGS = RolloutCoordinator.Timings.defaults();

  private final CachedServicePair pair = Pairs.minimal("food");
  private final FakeMembers safety =
      new FakeMembers(pod -> pair.getSpec().getCache().getSchemaVersion());
  private final RolloutCoordinator coordinator = coordinator(new SequentialRolloutPlanner());
  private final RolloutCoordinator ordered = coordinator(new CompatibilityRolloutPlanner());

  private RolloutCoordinator coordinator(RolloutPlanner planner) {
    return new RolloutCoordinator(
        planner,
        safety,
        new WritePauses(safety, TIMINGS.writePauseLease()),
        TIMINGS,
        new UpgradeSlot());
  }

  private static RolloutProgress advance(
      RolloutCoordinator by, CachedServicePair pair, ObservedPair observed, Instant now) {
    return by.advance(pair, observed, now, Optional.empty());
  }

  @Test
  void advance_specMatchesWhatRuns_hasNoPlanAndAsksNoOne() {
    RolloutProgress progress = advance(coordinator, pair, Deployments.allReady(pair), NOW);

    assertThat(progress.rollout()).isNull();
    assertThat(safety.reads()).isZero();
  }

  @Test
  void advance_bothImagesChange_plansOrderThenMenu_andStartsOnlyTheFirst() {
    ObservedPair running = Deployments.allReady(pair);
    newImages(2);

    RolloutStatus plan = advance(coordinator, pair, running, NOW).rollout();

    assertThat(plan.getSteps())
        .extracting(RolloutStep::getService, RolloutStep::getState)
        .containsExactly(
            tuple(ServiceRole.ORDER, StepState.InProgress),
            tuple(ServiceRole.MENU, StepState.Pending));
    assertThat(plan.getSteps().get(1).getFromImage()).isEqualTo("registry.example/menu-service:1");
    assertThat(plan.getSteps().get(1).getToImage()).isEqualTo("registry.example/menu-service:2");
    assertThat(plan.getCurrentStep()).isEqualTo(1);
    assertThat(plan.getSummary()).isEqualTo("1/2 order Update");
    assertThat(safety.reads()).isEqualTo(1);
    assertThat(plan.getSteps()).noneMatch(RolloutStep::underWritePause);
  }

  @Test
  void advance_unsafePair_waitsWithReason_andStartsNothing() {
    ObservedPair running = Deployments.allReady(pair);
    newImages(2);
    safety.report("ENDANGERED");

    RolloutProgress progress = advance(coordinator, pair, running, NOW);

    assertThat(progress.rollout().getSteps()).allMatch(s -> s.getState() == StepState.Pending);
    assertThat(progress.rollout().getWaitingFor()).contains("NODE_SAFE").contains("ENDANGERED");
    assertThat(progress.recheck()).contains(TIMINGS.safety());
  }

  @Test
  void advance_firstStepPodsNotAllReady_secondStepWaits() {
    ObservedPair before = startPlan(coordinator, () -> newImages(2));
    // order got its new template; its new pod is not ready yet
    Deployment order = withNewTemplate(ServiceRole.ORDER, before);
    order.getStatus().setUpdatedReplicas(0);
    ObservedPair rolling = Deployments.pair(deployment(before, ServiceRole.MENU), order);

    RolloutStatus plan = advance(coordinator, pair, rolling, NOW).rollout();

    assertThat(plan.getSteps().get(0).getState()).isEqualTo(StepState.InProgress);
    assertThat(plan.getSteps().get(1).getState()).isEqualTo(StepState.Pending);
    assertThat(plan.getWaitingFor()).contains("order-service to roll out (0/1 updated");
  }

  @Test
  void advance_restartedMidPlan_resumesAtSecondStep_withoutRepeatingTheFirst() {
    ObservedPair before = startPlan(coordinator, () -> newImages(2));
    // order finished rolling; a new coordinator (restarted operator) reads the plan from status
    Deployment order = withNewTemplate(ServiceRole.ORDER, before);
    order.getMetadata().setGeneration(2L);
    order.getStatus().setObservedGeneration(2L);
    CachedServicePair reread = new KubernetesSerialization().clone(pair);
    RolloutCoordinator restarted = coordinator(new SequentialRolloutPlanner());

    RolloutStatus plan =
        advance(
                restarted,
                reread,
                Deployments.pair(deployment(before, ServiceRole.MENU), order),
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
    RolloutStatus plan = advance(coordinator, pair, before, NOW).rollout();
    plan.getSteps().get(0).setState(StepState.Complete);
    plan.getSteps().get(0).setCompletedAt("2025-01-01T10:00:00Z");
    pair.setStatus(statusWith(plan));

    RolloutProgress progress = advance(coordinator, pair, before, NOW.plusSeconds(10));

    assertThat(progress.rollout().getSteps().get(1).getState()).isEqualTo(StepState.Pending);
    assertThat(progress.rollout().getWaitingFor()).contains("pause");
    assertThat(progress.recheck()).contains(Duration.ofSeconds(20));
  }

  @Test
  void advance_scaleInByTwo_plansOnePodPerStep_theOneBelowTheRunningQuorumAfterTheRoll() {
    pair.getSpec().getMenu().setReplicas(3);
    ObservedPair three = Deployments.allReady(pair); // 4 members, quorum 3
    pair.getSpec().getMenu().setReplicas(1); // 2 members, quorum 1: both templates change

    RolloutStatus plan = advance(coordinator, pair, three, NOW).rollout();

    assertThat(plan.getSteps())
        .extracting(
            RolloutStep::getService,
            RolloutStep::getAction,
            RolloutStep::getFromReplicas,
            RolloutStep::getToReplicas)
        .containsExactly(
            tuple(ServiceRole.MENU, StepAction.ScaleIn, 3, 2),
            tuple(ServiceRole.ORDER, StepAction.Update, null, null),
            tuple(ServiceRole.MENU, StepAction.Update, null, null),
            tuple(ServiceRole.MENU, StepAction.ScaleIn, 2, 1));
    assertThat(plan.getOrdering())
        .contains("1 of 2 pod removals after the update")
        .contains("running quorum of 3");
    assertThat(plan.getSteps().get(0).getState()).isEqualTo(StepState.InProgress);
    pair.setStatus(statusWith(plan));
    assertThat(desired(ServiceRole.MENU, three).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void advance_scaleInWithinOneQuorum_onlyRemovesThePod() {
    pair.getSpec().getMenu().setReplicas(3);
    pair.getSpec().getOrder().setReplicas(2);
    ObservedPair five = Deployments.allReady(pair); // quorum 3
    pair.getSpec().getMenu().setReplicas(2); // 4 members, quorum 3: same templates

    RolloutStatus plan = advance(coordinator, pair, five, NOW).rollout();

    assertThat(plan.getSteps())
        .extracting(
            RolloutStep::getAction, RolloutStep::getFromReplicas, RolloutStep::getToReplicas)
        .containsExactly(tuple(StepAction.ScaleIn, 3, 2));
    assertThat(plan.getOrdering()).isEqualTo("one pod at a time, each removal checked for safety");
  }

  @Test
  void advance_scaleOutAcrossAQuorumBoundary_rollsLikeAnImageChange_neitherSchemaNorBlocked() {
    ObservedPair two = Deployments.allReady(pair); // 1 + 1: quorum 1
    String menuRunning = two.revision(ServiceRole.MENU);
    pair.getMetadata().setGeneration(2L);
    pair.getSpec().getMenu().setReplicas(2); // 3 members: quorum 2

    RolloutStatus plan = advance(ordered, pair, two, NOW).rollout();

    assertThat(plan.getBlockedReason()).isNull();
    assertThat(plan.getCompatibility()).isNull();
    assertThat(plan.changesSchema()).isFalse();
    assertThat(plan.getTrigger()).isEqualTo("SpecChange");
    assertThat(plan.getSteps())
        .extracting(RolloutStep::getService, RolloutStep::getAction, RolloutStep::getState)
        .containsExactly(
            tuple(ServiceRole.ORDER, StepAction.Update, StepState.InProgress),
            tuple(ServiceRole.MENU, StepAction.Update, StepState.Pending));
    assertThat(plan.getSteps()).noneMatch(RolloutStep::underWritePause);
    pair.setStatus(statusWith(plan));
    // the new menu pod starts at once, on the template menu runs until its own step
    Deployment menu = desired(ServiceRole.MENU, two);
    assertThat(menu.getSpec().getReplicas()).isEqualTo(2);
    assertThat(menu.getMetadata().getAnnotations())
        .containsEntry(DeploymentBlueprint.REVISION_ANNOTATION, menuRunning);
  }

  @ParameterizedTest(name = "{0}+{1} -> {2}+{3}")
  @CsvSource({
    "2, 2, 1, 1",
    "3, 3, 1, 1",
    "3, 3, 2, 2",
    "1, 3, 1, 1",
    "4, 1, 1, 1",
    "1, 1, 3, 3",
    "3, 1, 1, 5",
    "2, 1, 1, 1"
  })
  void advance_scaleWalkedToTheEnd_neverLeavesFewerMembersThanARunningQuorum(
      int menuFrom, int orderFrom, int menuTo, int orderTo) {
    pair.getSpec().getMenu().setReplicas(menuFrom);
    pair.getSpec().getOrder().setReplicas(orderFrom);
    ObservedPair observed = Deployments.allReady(pair);
    pair.getMetadata().setGeneration(2L);
    pair.getSpec().getMenu().setReplicas(menuTo);
    pair.getSpec().getOrder().setReplicas(orderTo);

    RolloutStatus plan = advance(ordered, pair, observed, NOW).rollout();
    List<String> seen = new ArrayList<>();
    for (int pass = 1; plan != null && pass < 30; pass++) {
      assertThat(plan.getBlockedReason()).isNull();
      pair.setStatus(statusWith(plan));
      observed = applied(observed);
      int members = observed.replicas(ServiceRole.MENU) + observed.replicas(ServiceRole.ORDER);
      int quorum = Math.max(observed.quorum(ServiceRole.MENU), observed.quorum(ServiceRole.ORDER));
      seen.add(members + " members, quorum " + quorum);
      assertThat(members)
          .as("members after pass %d: %s", pass, seen)
          .isGreaterThanOrEqualTo(quorum);
      plan = advance(ordered, pair, observed, NOW.plusSeconds(pass)).rollout();
    }

    assertThat(plan).as("plan finished: %s", seen).isNull();
    assertThat(observed.replicas(ServiceRole.MENU)).isEqualTo(menuTo);
    assertThat(observed.replicas(ServiceRole.ORDER)).isEqualTo(orderTo);
    int quorum = StorageQuorum.of(menuTo + orderTo);
    assertThat(observed.quorum(ServiceRole.MENU)).isEqualTo(quorum);
    assertThat(observed.quorum(ServiceRole.ORDER)).isEqualTo(quorum);
  }

  @Test
  void advance_blockingPlanner_rollsNothingAndKeepsTheReason() {
    RolloutCoordinator blocking =
        coordinator(
            (p, changes) ->
                PlanDecision.blocked("IncompatibleSchemaChange", "NONE needs Recreate"));
    ObservedPair before = Deployments.allReady(pair);
    newImages(2);

    RolloutStatus plan = advance(blocking, pair, before, NOW).rollout();

    assertThat(plan.getBlockedReason()).isEqualTo("IncompatibleSchemaChange");
    assertThat(plan.holdsTemplateOf(ServiceRole.MENU)).isTrue();
    assertThat(safety.reads()).isZero();
  }

  @Test
  void advance_backwardSchemaChange_recordsVersionsModeAndStepInSummary() {
    ObservedPair running = Deployments.allReady(pair);
    newSchema(2, CompatibilityMode.BACKWARD);

    RolloutStatus plan = advance(ordered, pair, running, NOW).rollout();

    assertThat(plan.getFromSchemaVersion()).isEqualTo(1);
    assertThat(plan.getToSchemaVersion()).isEqualTo(2);
    assertThat(plan.getCompatibility()).isEqualTo(CompatibilityMode.BACKWARD);
    assertThat(plan.getSummary()).isEqualTo("1/2 order Update, schema 1->2 BACKWARD");
    assertThat(plan.getSteps())
        .extracting(RolloutStep::getFromSchemaVersion, RolloutStep::getToSchemaVersion)
        .containsOnly(tuple(1, 2));
  }

  @Test
  void advance_firstStepDone_newPodsReportOldContract_stopsWithContractMismatch() {
    ObservedPair before = startPlan(ordered, () -> newSchema(2, CompatibilityMode.BACKWARD));
    safety.reportContract(ServiceRole.ORDER, 1);

    RolloutStatus plan = advance(ordered, pair, orderRolledOut(before), NOW).rollout();

    assertThat(plan.getBlockedReason()).isEqualTo("ContractMismatch");
    assertThat(plan.getSteps())
        .extracting(RolloutStep::getService, RolloutStep::getState)
        .containsExactly(
            tuple(ServiceRole.ORDER, StepState.Complete),
            tuple(ServiceRole.MENU, StepState.Pending));
    assertThat(plan.getSteps().get(0).getReportedContractVersion()).isNull();
    assertThat(plan.getWaitingFor())
        .contains("order-service pods do not speak contract 2")
        .contains("food-order-0 reports 1")
        .contains("schema 1->2")
        .contains("spec.order.image");
    assertThat(plan.getSummary()).isEqualTo("blocked: ContractMismatch, schema 1->2 BACKWARD");
    assertThat(plan.holdsTemplateOf(ServiceRole.MENU)).isTrue();
    assertThat(safety.pauseCalls()).isEmpty();
  }

  @Test
  void advance_contractMismatch_staysStoppedOnLaterPasses() {
    ObservedPair before = startPlan(ordered, () -> newSchema(2, CompatibilityMode.BACKWARD));
    safety.reportContract(ServiceRole.ORDER, 1);
    pair.setStatus(statusWith(advance(ordered, pair, orderRolledOut(before), NOW).rollout()));
    safety.reportContract(ServiceRole.ORDER, 2);

    RolloutProgress later = advance(ordered, pair, orderRolledOut(before), NOW.plusSeconds(60));

    assertThat(later.rollout().getBlockedReason()).isEqualTo("ContractMismatch");
    assertThat(later.rollout().getSteps().get(1).getState()).isEqualTo(StepState.Pending);
    assertThat(later.recheck()).isEmpty();
  }

  @Test
  void advance_firstStepDone_noMemberAnswersForContract_waitsAndAsksAgain() {
    ObservedPair before = startPlan(ordered, () -> newSchema(2, CompatibilityMode.BACKWARD));
    safety.silence(ServiceRole.ORDER);

    RolloutProgress progress = advance(ordered, pair, orderRolledOut(before), NOW);

    assertThat(progress.rollout().blocked()).isFalse();
    assertThat(progress.rollout().getSteps().get(1).getState()).isEqualTo(StepState.Pending);
    assertThat(progress.rollout().getWaitingFor())
        .contains("contract of every new order-service pod");
    assertThat(progress.rollout().getWaitingReason()).isEqualTo("WaitingForContract");
    assertThat(progress.recheck()).contains(TIMINGS.safety());
  }

  @Test
  void advance_firstStepDone_newPodsReportNewContract_recordsItAndStartsMenu() {
    ObservedPair before = startPlan(ordered, () -> newSchema(2, CompatibilityMode.BACKWARD));

    RolloutStatus plan = advance(ordered, pair, orderRolledOut(before), NOW).rollout();

    assertThat(plan.getSteps().get(0).getReportedContractVersion()).isEqualTo(2);
    assertThat(plan.getSteps().get(1).getState()).isEqualTo(StepState.InProgress);
    // BACKWARD: menu's own step runs under a write pause, taken through a ready menu pod
    assertThat(plan.getSteps().get(1).underWritePause()).isTrue();
    assertThat(plan.getSteps().get(1).getWritePauseUntil()).isEqualTo("2025-01-01T10:01:00Z");
    assertThat(safety.pauseCalls()).containsExactly("POST food-menu-0 60s");
  }

  @Test
  void advance_imageOnlyChange_asksNoContract() {
    ObservedPair before = startPlan(ordered, () -> newImages(2));

    RolloutStatus plan = advance(ordered, pair, orderRolledOut(before), NOW).rollout();

    assertThat(plan.getSteps().get(1).getState()).isEqualTo(StepState.InProgress);
    assertThat(plan.getSteps().get(0).getReportedContractVersion()).isNull();
    assertThat(safety.pauseCalls()).isEmpty();
  }

  @Test
  void advance_noneWithRecreate_onePlusOne_stopsOrderThenMenu_startsBothTogether_withoutChecks() {
    ObservedPair observed = Deployments.allReady(pair); // 1 + 1: quorum 1
    newSchema(2, CompatibilityMode.NONE);
    pair.getSpec().getRollout().setStrategy(RolloutStrategy.Recreate);

    RolloutStatus plan = advance(ordered, pair, observed, NOW).rollout();

    assertThat(plan.acceptsDowntime()).isTrue();
    assertThat(plan.getSteps())
        .extracting(
            RolloutStep::getService,
            RolloutStep::getAction,
            RolloutStep::getFromReplicas,
            RolloutStep::getToReplicas)
        .containsExactly(
            tuple(ServiceRole.ORDER, StepAction.ScaleDown, 1, 0),
            tuple(ServiceRole.MENU, StepAction.ScaleDown, 1, 0),
            tuple(ServiceRole.MENU, StepAction.Update, 0, 1),
            tuple(ServiceRole.ORDER, StepAction.Update, 0, 1));
    assertThat(plan.getOrdering()).contains("both start together");
    List<String> seen = new ArrayList<>();
    for (int pass = 1; plan != null; pass++) {
      pair.setStatus(statusWith(plan));
      observed = applied(observed);
      seen.add(describe(observed));
      plan = advance(ordered, pair, observed, NOW.plusSeconds(pass)).rollout();
    }

    assertThat(seen)
        .containsExactly("menu 1 v1, order 0 v1", "menu 0 v1, order 0 v1", "menu 1 v2, order 1 v2");
    // no safety check in a Recreate plan, and no contract check: no step starts after the others
    assertThat(safety.reads()).isZero();
  }

  @Test
  void advance_noneWithRecreate_twoPlusTwo_upStepStartsBothServicesInOnePass() {
    pair.getSpec().getMenu().setReplicas(2);
    pair.getSpec().getOrder().setReplicas(2);
    ObservedPair observed = Deployments.allReady(pair); // 4 members: quorum 3
    newSchema(2, CompatibilityMode.NONE);
    pair.getSpec().getRollout().setStrategy(RolloutStrategy.Recreate);
    pair.getSpec().getRollout().setPauseBetweenSteps("PT30S");
    RolloutStatus plan = advance(ordered, pair, observed, NOW).rollout();
    for (int index = 0; index < 2; index++) { // both ScaleDown steps done, long ago
      plan.getSteps().get(index).setState(StepState.Complete);
      plan.getSteps().get(index).setStartedAt("2025-01-01T09:00:00Z");
      plan.getSteps().get(index).setCompletedAt("2025-01-01T09:00:00Z");
    }
    pair.setStatus(statusWith(plan));
    observed = applied(observed);
    assertThat(describe(observed)).isEqualTo("menu 0 v1, order 0 v1");

    RolloutProgress progress = advance(ordered, pair, observed, NOW);

    plan = progress.rollout();
    assertThat(plan.startsWithPrevious(3)).as("order's Update starts with menu's").isTrue();
    assertThat(plan.startsWithPrevious(2)).as("menu's Update waits for the stops").isFalse();
    assertThat(plan.getSteps())
        .extracting(RolloutStep::getService, RolloutStep::getAction, RolloutStep::getState)
        .containsExactly(
            tuple(ServiceRole.ORDER, StepAction.ScaleDown, StepState.Complete),
            tuple(ServiceRole.MENU, StepAction.ScaleDown, StepState.Complete),
            tuple(ServiceRole.MENU, StepAction.Update, StepState.InProgress),
            tuple(ServiceRole.ORDER, StepAction.Update, StepState.InProgress));
    assertThat(plan.getSteps().get(3).getStartedAt())
        .isEqualTo(plan.getSteps().get(2).getStartedAt());
    assertThat(progress.decisions())
        .extracting(d -> d.reason() + ": " + d.message())
        .containsExactly(
            "StepStarted: step 3/4 menu Update, schema 1->2 NONE Recreate started: menu-service"
                + " gets new pod template (image registry.example/menu-service:2); order-service"
                + " (step 4/4) starts with it, so that the pods of both services make the dish"
                + " service's quorum (planned downtime until both are ready)",
            "StepStarted: step 4/4 order Update, schema 1->2 NONE Recreate started: order-service"
                + " gets new pod template (image registry.example/order-service:2), together with"
                + " step 3/4 (menu-service)");
    assertThat(plan.getWaitingFor())
        .startsWith("menu-service to roll out")
        .contains("; order-service to roll out");
    pair.setStatus(statusWith(plan));
    // both Deployments come back at once, on the new template with their spec replicas
    assertThat(describe(applied(observed))).isEqualTo("menu 2 v2, order 2 v2");
    assertThat(
            StorageQuorum.inTemplate(desired(ServiceRole.MENU, observed).getSpec().getTemplate()))
        .isEqualTo(3);
  }

  @ParameterizedTest(name = "{0} menus + {1} orders")
  @CsvSource({"1, 1", "2, 1", "2, 2", "1, 3", "3, 1", "3, 3"})
  void advance_noneWithRecreate_finishesWhereTheDishServiceNeedsItsQuorumToStart(
      int menus, int orders) {
    pair.getSpec().getMenu().setReplicas(menus);
    pair.getSpec().getOrder().setReplicas(orders);
    ObservedPair observed = Deployments.allReady(pair);
    newSchema(2, CompatibilityMode.NONE);
    pair.getSpec().getRollout().setStrategy(RolloutStrategy.Recreate);

    RolloutStatus plan = advance(ordered, pair, observed, NOW).rollout();
    List<String> seen = new ArrayList<>();
    for (int pass = 1; plan != null && pass < 20; pass++) {
      pair.setStatus(statusWith(plan));
      observed = appliedUnderQuorum(observed);
      seen.add(describeReady(observed));
      plan = advance(ordered, pair, observed, NOW.plusSeconds(pass)).rollout();
    }

    assertThat(plan).as("plan finished: %s", seen).isNull();
    assertThat(seen)
        .containsExactly(
            "menu " + menus + "/" + menus + " v1, order 0/0 v1",
            "menu 0/0 v1, order 0/0 v1",
            "menu " + menus + "/" + menus + " v2, order " + orders + "/" + orders + " v2");
  }

  @Test
  void advance_recreatePlanThatStartedMenuAlone_startsOrderToo() {
    // a plan an earlier operator made, stuck with menu-service alone below the quorum
    pair.getSpec().getMenu().setReplicas(2);
    pair.getSpec().getOrder().setReplicas(2);
    ObservedPair observed = Deployments.allReady(pair);
    newSchema(2, CompatibilityMode.NONE);
    pair.getSpec().getRollout().setStrategy(RolloutStrategy.Recreate);
    RolloutStatus plan = advance(ordered, pair, observed, NOW).rollout();
    plan.getSteps().get(0).setState(StepState.Complete);
    plan.getSteps().get(1).setState(StepState.Complete);
    plan.getSteps().get(2).setState(StepState.InProgress);
    pair.setStatus(statusWith(plan));
    observed = appliedUnderQuorum(observed);
    assertThat(describeReady(observed)).isEqualTo("menu 0/2 v2, order 0/0 v1");

    RolloutProgress progress = advance(ordered, pair, observed, NOW.plusSeconds(60));

    assertThat(progress.rollout().getSteps().get(3).getState()).isEqualTo(StepState.InProgress);
    assertThat(progress.decisions()).extracting(d -> d.reason()).containsExactly("StepStarted");
    pair.setStatus(statusWith(progress.rollout()));
    assertThat(describeReady(appliedUnderQuorum(observed))).isEqualTo("menu 2/2 v2, order 2/2 v2");
  }

  @Test
  void advance_noneWithoutRecreate_blocksNamingBothVersions() {
    ObservedPair running = Deployments.allReady(pair);
    newSchema(3, CompatibilityMode.NONE);

    RolloutStatus plan = advance(ordered, pair, running, NOW).rollout();

    assertThat(plan.getBlockedReason()).isEqualTo("IncompatibleSchemaChange");
    assertThat(plan.getWaitingFor()).contains("schema 1->3");
    assertThat(plan.getSummary()).isEqualTo("blocked: IncompatibleSchemaChange, schema 1->3 NONE");
    assertThat(plan.getSteps()).isEmpty();
    assertThat(plan.holdsTemplateOf(ServiceRole.ORDER)).isTrue();
  }

  /**
   * Runs the pair as the spec asks for it, applies {@code change} to the spec, and stores the plan
   * of one pass in status, as the reconciler does.
   *
   * @return the Deployments that ran before the change
   */
  private ObservedPair startPlan(RolloutCoordinator by, Runnable change) {
    ObservedPair before = Deployments.allReady(pair);
    change.run();
    pair.setStatus(statusWith(advance(by, pair, before, NOW).rollout()));
    return before;
  }

  /** The Deployment the dependent makes from the plan in status, given what runs. */
  private Deployment desired(ServiceRole role, ObservedPair observed) {
    ServiceDeploymentDependent dependent =
        role == ServiceRole.MENU ? new MenuDeploymentDependent() : new OrderDeploymentDependent();
    return dependent.desiredFor(pair, deployment(observed, role));
  }

  /** The Deployment with the template the plan allows, still with the status its old pods had. */
  private Deployment withNewTemplate(ServiceRole role, ObservedPair before) {
    Deployment updated = desired(role, before);
    updated.setStatus(new DeploymentStatusBuilder(deployment(before, role).getStatus()).build());
    return updated;
  }

  private static Deployment deployment(ObservedPair observed, ServiceRole role) {
    return observed.deployment(role).orElseThrow();
  }

  /** Both Deployments as the dependents make them from the plan in status, fully rolled out. */
  private ObservedPair applied(ObservedPair observed) {
    return Deployments.pair(
        settled(desired(ServiceRole.MENU, observed), deployment(observed, ServiceRole.MENU)),
        settled(desired(ServiceRole.ORDER, observed), deployment(observed, ServiceRole.ORDER)));
  }

  private static Deployment settled(Deployment desired, Deployment before) {
    return settled(desired, before, desired.getSpec().getReplicas());
  }

  /** The Deployment rolled out, every pod updated, {@code ready} of them ready. */
  private static Deployment settled(Deployment desired, Deployment before, int ready) {
    long generation = before.getMetadata().getGeneration() + 1;
    int replicas = desired.getSpec().getReplicas();
    desired.getMetadata().setGeneration(generation);
    desired.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(generation)
            .withReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withReadyReplicas(ready)
            .build());
    return desired;
  }

  /**
   * As {@link #applied}, with pods as ready as the dish service lets them be: a menu pod that was
   * not ready on its template gets ready (its preload done) only once as many storage members run
   * as the quorum its template carries, since no partition is assigned before; an order replica is
   * ready only with that quorum and every menu ready (the preload wrote the DishesLoaded marker).
   */
  private ObservedPair appliedUnderQuorum(ObservedPair observed) {
    Deployment menu = desired(ServiceRole.MENU, observed);
    Deployment order = desired(ServiceRole.ORDER, observed);
    Deployment menuBefore = deployment(observed, ServiceRole.MENU);
    int menus = menu.getSpec().getReplicas();
    int orders = order.getSpec().getReplicas();
    int members = menus + orders;
    boolean preloaded =
        Objects.equals(revisionOf(menu), revisionOf(menuBefore))
            && observed.readyReplicas(ServiceRole.MENU) >= menus;
    int menusReady =
        preloaded || members >= StorageQuorum.inTemplate(menu.getSpec().getTemplate()) ? menus : 0;
    int ordersReady =
        members >= StorageQuorum.inTemplate(order.getSpec().getTemplate())
                && menus > 0
                && menusReady == menus
            ? orders
            : 0;
    return Deployments.pair(
        settled(menu, menuBefore, menusReady),
        settled(order, deployment(observed, ServiceRole.ORDER), ordersReady));
  }

  private static String revisionOf(Deployment d) {
    return d.getMetadata().getAnnotations().get(DeploymentBlueprint.REVISION_ANNOTATION);
  }

  /** {@code "menu 2/2 v2, order 0/1 v1"}: ready of desired replicas, and schema version. */
  private static String describeReady(ObservedPair observed) {
    StringBuilder text = new StringBuilder();
    for (ServiceRole role : List.of(ServiceRole.MENU, ServiceRole.ORDER)) {
      text.append(text.length() == 0 ? "" : ", ")
          .append(role.id())
          .append(' ')
          .append(observed.readyReplicas(role))
          .append('/')
          .append(observed.replicas(role))
          .append(" v")
          .append(observed.schemaVersion(role));
    }
    return text.toString();
  }

  private static String describe(ObservedPair observed) {
    return "menu "
        + observed.replicas(ServiceRole.MENU)
        + " v"
        + observed.schemaVersion(ServiceRole.MENU)
        + ", order "
        + observed.replicas(ServiceRole.ORDER)
        + " v"
        + observed.schemaVersion(ServiceRole.ORDER);
  }

  /** Order runs the template of its started step, every pod updated and ready. */
  private ObservedPair orderRolledOut(ObservedPair before) {
    return Deployments.pair(
        deployment(before, ServiceRole.MENU),
        settled(desired(ServiceRole.ORDER, before), deployment(before, ServiceRole.ORDER)));
  }

  private void newSchema(int version, CompatibilityMode mode) {
    newImages(version);
    pair.getSpec().getCache().setSchemaVersion(version);
    pair.getSpec().getCache().setCompatibility(mode);
  }

  private void newImages(int version) {
    pair.getMetadata().setGeneration(2L);
    pair.getSpec().getMenu().setImage("registry.example/menu-service:" + version);
    pair.getSpec().getOrder().setImage("registry.example/order-service:" + version);
  }
}
