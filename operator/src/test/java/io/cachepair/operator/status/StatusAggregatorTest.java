package io.cachepair.operator.status;

import static io.cachepair.operator.testing.Rollouts.plan;
import static io.cachepair.operator.testing.Rollouts.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CachedServicePairStatus;
import io.cachepair.operator.api.v1alpha1.PairCondition;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.testing.Deployments;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {

  private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2025-01-01T10:05:00Z");
  private static final Instant T2 = Instant.parse("2025-01-01T10:09:00Z");

  private final StatusAggregator aggregator = new StatusAggregator();
  private final CachedServicePair pair = Pairs.minimal("food");

  @Test
  void aggregate_noDeploymentYet_isPendingAndProgressing() {
    CachedServicePairStatus status =
        aggregator.aggregate(null, pair, Deployments.pair(null, null), null, T0);

    assertThat(status.getPhase()).isEqualTo(PairPhase.Pending);
    assertThat(condition(status, PairCondition.PROGRESSING).getStatus()).isEqualTo("True");
    assertThat(condition(status, PairCondition.READY).getStatus()).isEqualTo("False");
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
  }

  @Test
  void aggregate_podsRunningNotReady_isPreloadingWithWaitingMessage() {
    CachedServicePairStatus status =
        aggregator.aggregate(null, pair, Deployments.withReady(pair, 0, 0), null, T0);

    assertThat(status.getPhase()).isEqualTo(PairPhase.Preloading);
    assertThat(condition(status, PairCondition.READY).getMessage())
        .contains("waiting for the preload of menu-service (0/1 ready)");
  }

  @Test
  void aggregate_allReady_isReadyWithCountsAndFirstReadyTime() {
    CachedServicePairStatus status =
        aggregator.aggregate(null, pair, Deployments.allReady(pair), null, T0);

    assertThat(status.getPhase()).isEqualTo(PairPhase.Ready);
    assertThat(condition(status, PairCondition.READY).getStatus()).isEqualTo("True");
    assertThat(condition(status, PairCondition.DEGRADED).getStatus()).isEqualTo("False");
    assertThat(status.getMenu().getReady()).isEqualTo("1/1");
    assertThat(status.getMenu().getFirstReadyTime()).isEqualTo("2025-01-01T10:00:00Z");
    assertThat(status.getSchema()).isEqualTo("1");
  }

  @Test
  void reconcile_menuWithZeroReady_isDegradedWithOrdersContinuing() {
    CachedServicePairStatus ready = readyAtT0();

    CachedServicePairStatus degraded =
        aggregator.aggregate(ready, pair, Deployments.withReady(pair, 0, 1), null, T1);

    assertThat(degraded.getPhase()).isEqualTo(PairPhase.Degraded);
    PairCondition condition = condition(degraded, PairCondition.DEGRADED);
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getReason()).isEqualTo("MenuUnavailable");
    assertThat(condition.getMessage()).contains("orders continue from the cache");
    assertThat(condition.getLastTransitionTime()).isEqualTo("2025-01-01T10:05:00Z");
    assertThat(degraded.getMenu().getFirstReadyTime()).isEqualTo("2025-01-01T10:00:00Z");
  }

  @Test
  void aggregate_orderWithZeroReady_saysNoOrdersAreTaken() {
    CachedServicePairStatus ready = readyAtT0();

    CachedServicePairStatus degraded =
        aggregator.aggregate(ready, pair, Deployments.withReady(pair, 1, 0), null, T1);

    assertThat(condition(degraded, PairCondition.DEGRADED).getReason())
        .isEqualTo("OrderUnavailable");
  }

  @Test
  void aggregate_unchangedState_keepsLastTransitionTimes_andEqualsPreviousStatus() {
    CachedServicePairStatus first = readyAtT0();

    CachedServicePairStatus second =
        aggregator.aggregate(first, pair, Deployments.allReady(pair), null, T2);

    assertThat(second).usingRecursiveComparison().isEqualTo(first);
  }

  @Test
  void aggregate_degradedThenReadyAgain_movesReadyTransitionTimeOnlyWhenStatusFlips() {
    CachedServicePairStatus ready = readyAtT0();
    ObservedPair menuDown = Deployments.withReady(pair, 0, 1);
    CachedServicePairStatus degraded = aggregator.aggregate(ready, pair, menuDown, null, T1);
    CachedServicePairStatus stillDegraded =
        aggregator.aggregate(degraded, pair, menuDown, null, T2);
    CachedServicePairStatus back =
        aggregator.aggregate(stillDegraded, pair, Deployments.allReady(pair), null, T2);

    assertThat(condition(stillDegraded, PairCondition.DEGRADED).getLastTransitionTime())
        .isEqualTo("2025-01-01T10:05:00Z");
    assertThat(condition(back, PairCondition.READY).getLastTransitionTime())
        .isEqualTo("2025-01-01T10:09:00Z");
    assertThat(back.getPhase()).isEqualTo(PairPhase.Ready);
  }

  @Test
  void aggregate_activePlan_isRollingOutWithStepInMessage() {
    RolloutStatus rollout = plan(step(ServiceRole.ORDER, StepAction.Update, StepState.Pending));
    rollout.setSummary("1/1 order Update");
    rollout.setWaitingFor("order-service to roll out (0/1 updated, 1/1 ready)");

    CachedServicePairStatus status =
        aggregator.aggregate(null, pair, Deployments.allReady(pair), rollout, T0);

    assertThat(status.getPhase()).isEqualTo(PairPhase.RollingOut);
    assertThat(condition(status, PairCondition.PROGRESSING).getMessage())
        .contains("1/1 order Update")
        .contains("order-service to roll out");
  }

  @Test
  void aggregate_blockedPlan_isBlockedAndDegradedWithThePlannersReason() {
    RolloutStatus rollout = new RolloutStatus();
    rollout.setBlockedReason("IncompatibleSchemaChange");
    rollout.setWaitingFor("schema 1 -> 2 is NONE: set spec.rollout.strategy Recreate");

    CachedServicePairStatus status =
        aggregator.aggregate(null, pair, Deployments.allReady(pair), rollout, T0);

    assertThat(status.getPhase()).isEqualTo(PairPhase.Blocked);
    PairCondition degraded = condition(status, PairCondition.DEGRADED);
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo("IncompatibleSchemaChange");
  }

  @Test
  void aggregate_contractMismatch_isBlockedAndDegradedNamingBothVersions() {
    RolloutStatus rollout = new RolloutStatus();
    rollout.setFromSchemaVersion(1);
    rollout.setToSchemaVersion(2);
    rollout.setBlockedReason("ContractMismatch");
    rollout.setWaitingFor(
        "order-service pods do not speak contract 2 on /api/cluster: the answering member"
            + " reports 1; spec.cache.schemaVersion is 2 (schema 1->2)");

    CachedServicePairStatus status =
        aggregator.aggregate(null, pair, Deployments.allReady(pair), rollout, T0);

    assertThat(status.getPhase()).isEqualTo(PairPhase.Blocked);
    PairCondition degraded = condition(status, PairCondition.DEGRADED);
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo("ContractMismatch");
    assertThat(degraded.getMessage()).contains("schema 1->2");
    assertThat(condition(status, PairCondition.READY).getStatus()).isEqualTo("False");
  }

  @Test
  void aggregate_recreatePlanWithBothServicesStopped_isRollingOutWithPlannedDowntime() {
    CachedServicePairStatus ready = readyAtT0();
    RolloutStatus rollout = plan(step(ServiceRole.MENU, StepAction.ScaleDown, StepState.Pending));
    rollout.setDowntime(true);
    rollout.setSummary("2/4 menu ScaleDown, schema 1->2 NONE Recreate");
    rollout.setWaitingFor("menu-service to stop every pod (0/0 updated, 0/0 ready)");

    CachedServicePairStatus status =
        aggregator.aggregate(ready, pair, Deployments.withReady(pair, 0, 0), rollout, T1);

    assertThat(status.getPhase()).isEqualTo(PairPhase.RollingOut);
    assertThat(condition(status, PairCondition.PROGRESSING).getMessage())
        .contains("planned downtime")
        .contains("2/4 menu ScaleDown");
    assertThat(condition(status, PairCondition.DEGRADED).getReason()).isEqualTo("PlannedDowntime");
  }

  @Test
  void aggregate_progressDeadlineExceeded_isDegraded() {
    Deployment menu = Deployments.running(pair, ServiceRole.MENU, 1);
    menu.getStatus()
        .setConditions(
            List.of(
                new DeploymentConditionBuilder()
                    .withType("Progressing")
                    .withStatus("False")
                    .withReason("ProgressDeadlineExceeded")
                    .withMessage("ReplicaSet food-menu-abc has timed out progressing.")
                    .build()));

    CachedServicePairStatus status =
        aggregator.aggregate(
            null,
            pair,
            Deployments.pair(menu, Deployments.running(pair, ServiceRole.ORDER, 1)),
            null,
            T0);

    assertThat(status.getPhase()).isEqualTo(PairPhase.Degraded);
    assertThat(condition(status, PairCondition.DEGRADED).getReason()).isEqualTo("DeploymentFailed");
  }

  /** The status of the first pass over a pair whose pods are all ready. */
  private CachedServicePairStatus readyAtT0() {
    return aggregator.aggregate(null, pair, Deployments.allReady(pair), null, T0);
  }

  private static PairCondition condition(CachedServicePairStatus status, String type) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }
}
