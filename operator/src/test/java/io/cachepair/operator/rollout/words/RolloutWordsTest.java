package io.cachepair.operator.rollout.words;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.testing.Deployments;
import io.cachepair.operator.testing.Pairs;
import io.cachepair.operator.testing.Rollouts;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The sentences status, Events and logs share. */
class RolloutWordsTest {

  private final RolloutStep order =
      Rollouts.step(ServiceRole.ORDER, StepAction.Update, StepState.Complete);
  private final RolloutStep menu =
      Rollouts.step(ServiceRole.MENU, StepAction.Update, StepState.Pending);
  private final RolloutStatus plan = Rollouts.plan(order, menu);

  RolloutWordsTest() {
    plan.setSteps(new ArrayList<>(plan.getSteps()));
    plan.setFromSchemaVersion(1);
    plan.setToSchemaVersion(2);
    plan.setCompatibility(CompatibilityMode.BACKWARD);
    menu.setWritePause(true);
    menu.setToImage("registry.example/menu-service:2");
    plan.setOrdering("order first, then menu under a write pause");
  }

  @Test
  void summary_namesStepServiceActionSchemaAndMode() {
    assertThat(RolloutWords.summary(plan, 1)).isEqualTo("2/2 menu Update, schema 1->2 BACKWARD");
    plan.setBlockedReason("ContractMismatch");
    assertThat(RolloutWords.blockedSummary(plan))
        .isEqualTo("blocked: ContractMismatch, schema 1->2 BACKWARD");
  }

  @Test
  void planned_listsStepsWithTheirWritePause_andTheOrdering() {
    Decision planned = RolloutWords.planned(plan);

    assertThat(planned.reason()).isEqualTo("RolloutPlanned");
    assertThat(planned.message())
        .isEqualTo(
            "planned order Update, menu Update (write pause): order first, then menu under a"
                + " write pause");
    plan.setTrigger("OperatorUpgrade");
    assertThat(RolloutWords.planned(plan).reason()).isEqualTo("OperatorUpgrade");
  }

  @Test
  void planned_recreatePlan_joinsTheUpdatesThatStartTogether() {
    RolloutStatus recreate =
        Rollouts.plan(
            Rollouts.step(ServiceRole.ORDER, StepAction.ScaleDown, StepState.Pending),
            Rollouts.step(ServiceRole.MENU, StepAction.ScaleDown, StepState.Pending),
            Rollouts.step(ServiceRole.MENU, StepAction.Update, StepState.Pending),
            Rollouts.step(ServiceRole.ORDER, StepAction.Update, StepState.Pending));
    recreate.setDowntime(true);
    recreate.setOrdering("both stop, then both start");

    assertThat(RolloutWords.planned(recreate).message())
        .isEqualTo(
            "planned order ScaleDown, menu ScaleDown, menu Update + order Update: both stop, then"
                + " both start");
    assertThat(RolloutWords.stepCompleted(recreate, 1))
        .isEqualTo("step 2/4 menu ScaleDown completed: every menu-service pod stopped");
    recreate.setDowntime(null); // the same steps without downtime start one by one
    assertThat(RolloutWords.planned(recreate).message())
        .startsWith("planned order ScaleDown, menu ScaleDown, menu Update, order Update:");
  }

  @Test
  void stepStarted_saysWhatChangesAndThatWritesWait() {
    assertThat(RolloutWords.stepStarted(plan, 1))
        .isEqualTo(
            "step 2/2 menu Update, schema 1->2 BACKWARD started: menu-service gets new pod"
                + " template (image registry.example/menu-service:2); menu-service refuses writes"
                + " until it is done");
  }

  @Test
  void progress_countsUpdatedReadyAndTerminatingPods() {
    var pair = Pairs.minimal("food");
    var observed =
        Deployments.withTerminating(
            Deployments.running(pair, ServiceRole.MENU, 1),
            Deployments.running(pair, ServiceRole.ORDER, 1),
            ServiceRole.MENU,
            1);

    assertThat(RolloutWords.progressOf(menu, observed))
        .isEqualTo(
            "menu-service to roll out (1/1 updated, 1/1 ready, 1 terminating) under a write pause");
    assertThat(RolloutWords.completed(plan)).isEqualTo("rollout complete: 2 steps, schema 1->2");
  }
}
