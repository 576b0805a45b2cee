package io.cachepair.operator.rollout.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.testing.Deployments;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.Pairs;
import io.cachepair.operator.testing.Rollouts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each gate alone, on Deployments and pods built in code. */
class GatesTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private static final Duration RECHECK = Duration.ofSeconds(10);

  private final CachedServicePair pair = Pairs.minimal("food");
  private final FakeMembers members = new FakeMembers(pod -> 1);

  @Test
  void pods_allReadyNoneLeaving_isOpen() {
    assertThat(new PodsGate(RECHECK).check(context(Deployments.allReady(pair))).isOpen()).isTrue();
  }

  @Test
  void pods_aTerminatingPodTheDeploymentNoLongerCounts_waitsForTermination() {
    ObservedPair observed =
        Deployments.withTerminating(
            Deployments.running(pair, ServiceRole.MENU, 1),
            Deployments.running(pair, ServiceRole.ORDER, 1),
            ServiceRole.ORDER,
            1);
    assertThat(observed.deployment(ServiceRole.ORDER).orElseThrow().getStatus().getReplicas())
        .isEqualTo(1);

    GateVerdict verdict = new PodsGate(RECHECK).check(context(observed));

    assertThat(verdict.reason()).isEqualTo("WaitingForTermination");
    assertThat(verdict.message()).contains("order-service 1/1 ready, 1 terminating");
  }

  @Test
  void pods_runningButNotReady_waitsForThePreload() {
    GateVerdict verdict = new PodsGate(RECHECK).check(context(Deployments.withReady(pair, 0, 1)));

    assertThat(verdict.reason()).isEqualTo("WaitingForPreload");
    assertThat(verdict.message()).contains("menu-service 0/1 ready");
  }

  @Test
  void safety_endangered_waitsNamingStatusAndPod() {
    members.report("ENDANGERED");

    GateVerdict verdict = new SafetyGate(RECHECK).check(context(Deployments.allReady(pair)));

    assertThat(verdict.reason()).isEqualTo("PairUnsafe");
    assertThat(verdict.message()).contains("StatusHA ENDANGERED").contains("food-menu-0");
    assertThat(verdict.recheck()).isEqualTo(RECHECK);
  }

  @Test
  void safety_aPodDoesNotAnswer_waits() {
    members.silence(ServiceRole.ORDER);

    GateVerdict verdict = new SafetyGate(RECHECK).check(context(Deployments.allReady(pair)));

    assertThat(verdict.reason()).isEqualTo("PairUnsafe");
    assertThat(verdict.message()).contains("food-order-0 answered 503");
  }

  @Test
  void safety_incompleteView_waitsWithViewIncomplete() {
    members.viewComplete(false);

    assertThat(new SafetyGate(RECHECK).check(context(Deployments.allReady(pair))).reason())
        .isEqualTo("ViewIncomplete");
  }

  @Test
  void safety_moreOrderMembersThanPods_waitsWithMembershipMismatch() {
    members.extraMembers(ServiceRole.ORDER, 1);

    GateVerdict verdict = new SafetyGate(RECHECK).check(context(Deployments.allReady(pair)));

    assertThat(verdict.reason()).isEqualTo("MembershipMismatch");
    assertThat(verdict.message()).contains("1 pods run").contains("sees 2 order members");
  }

  @Test
  void safety_recreatePlan_asksNobody() {
    RolloutStatus plan = plan();
    plan.setDowntime(true);
    members.report("ENDANGERED");

    GateVerdict verdict =
        new SafetyGate(RECHECK)
            .check(new StepContext(pair, plan, 1, Deployments.allReady(pair), members, NOW));

    assertThat(verdict.isOpen()).isTrue();
    assertThat(members.reads()).isZero();
  }

  @Test
  void contract_updatedPodReportsOldVersion_blocksNamingThePod() {
    RolloutStatus plan = plan();
    plan.setFromSchemaVersion(1);
    plan.setToSchemaVersion(2);

    GateVerdict verdict =
        new ContractGate(RECHECK)
            .check(new StepContext(pair, plan, 1, Deployments.allReady(pair), members, NOW));

    assertThat(verdict.kind()).isEqualTo(GateVerdict.Kind.BLOCK);
    assertThat(verdict.reason()).isEqualTo("ContractMismatch");
    assertThat(verdict.message()).contains("food-order-0 reports 1");
  }

  @Test
  void pauseBetweenSteps_previousCompletedTenSecondsAgo_waitsTheRest() {
    pair.getSpec().getRollout().setPauseBetweenSteps("PT30S");
    RolloutStatus plan = plan();
    plan.getSteps().get(0).setCompletedAt("2025-01-01T09:59:50Z");

    GateVerdict verdict =
        new PauseBetweenStepsGate()
            .check(new StepContext(pair, plan, 1, Deployments.allReady(pair), members, NOW));

    assertThat(verdict.reason()).isEqualTo("PauseBetweenSteps");
    assertThat(verdict.recheck()).isEqualTo(Duration.ofSeconds(20));
  }

  private StepContext context(ObservedPair observed) {
    return new StepContext(pair, plan(), 0, observed, members, NOW);
  }

  private static RolloutStatus plan() {
    RolloutStep order = Rollouts.step(ServiceRole.ORDER, StepAction.Update, StepState.Complete);
    RolloutStep menu = Rollouts.step(ServiceRole.MENU, StepAction.Update, StepState.Pending);
    RolloutStatus plan = Rollouts.plan(order, menu);
    plan.setSteps(new java.util.ArrayList<>(plan.getSteps()));
    return plan;
  }
}
