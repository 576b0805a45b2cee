package io.cachepair.operator.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.RolloutStrategy;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.testing.Pairs;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompatibilityRolloutPlannerTest {

  private final CompatibilityRolloutPlanner planner = new CompatibilityRolloutPlanner();
  private final CachedServicePair pair = Pairs.minimal("food");

  @Test
  void plan_backwardSchemaChange_ordersReaderOrderFirstThenMenu() {
    PlanDecision decision = planner.plan(schema(CompatibilityMode.BACKWARD), bothChange(1, 2));

    assertThat(decision.order()).containsExactly(ServiceRole.ORDER, ServiceRole.MENU);
    assertThat(decision.compatibility()).isEqualTo(CompatibilityMode.BACKWARD);
    assertThat(decision.recreate()).isFalse();
    assertThat(decision.ordering()).contains("schema 1->2 BACKWARD").contains("contract 2");
  }

  @Test
  void plan_forwardSchemaChange_ordersWriterMenuFirstThenOrder() {
    PlanDecision decision = planner.plan(schema(CompatibilityMode.FORWARD), bothChange(1, 2));

    assertThat(decision.order()).containsExactly(ServiceRole.MENU, ServiceRole.ORDER);
    assertThat(decision.compatibility()).isEqualTo(CompatibilityMode.FORWARD);
    assertThat(decision.ordering()).contains("schema 1->2 FORWARD");
  }

  @Test
  void plan_fullSchemaChange_ordersOrderThenMenu_oneAtATime() {
    PlanDecision decision = planner.plan(schema(CompatibilityMode.FULL), bothChange(1, 2));

    assertThat(decision.order()).containsExactly(ServiceRole.ORDER, ServiceRole.MENU);
    assertThat(decision.compatibility()).isEqualTo(CompatibilityMode.FULL);
    assertThat(decision.blockedReason()).isNull();
  }

  @Test
  void plan_noneSchemaChange_blocksWithIncompatibleSchemaChangeNamingBothVersions() {
    PlanDecision decision = planner.plan(schema(CompatibilityMode.NONE), bothChange(1, 2));

    assertThat(decision.blockedReason()).isEqualTo("IncompatibleSchemaChange");
    assertThat(decision.order()).isEmpty();
    assertThat(decision.ordering())
        .contains("schema 1->2")
        .contains("NONE")
        .contains("spec.rollout.strategy: Recreate");
  }

  @Test
  void plan_noneSchemaChangeWithRecreate_stopsOrderThenMenu_thenStartsBothTogether() {
    CachedServicePair recreate = schema(CompatibilityMode.NONE);
    recreate.getSpec().getRollout().setStrategy(RolloutStrategy.Recreate);

    PlanDecision decision = planner.plan(recreate, bothChange(1, 2));

    assertThat(decision.recreate()).isTrue();
    assertThat(decision.blockedReason()).isNull();
    assertThat(decision.order()).containsExactly(ServiceRole.MENU, ServiceRole.ORDER);
    assertThat(decision.ordering())
        .contains("downtime")
        .contains("both start together")
        .contains("quorum");
  }

  @Test
  void plan_imageOnlyChange_keepsTheDefaultOrderInEveryMode() {
    for (CompatibilityMode mode : CompatibilityMode.values()) {
      PlanDecision decision = planner.plan(schema(mode), bothChange(1, 1));

      assertThat(decision.order())
          .as(mode.name())
          .containsExactly(ServiceRole.ORDER, ServiceRole.MENU);
      assertThat(decision.compatibility()).as(mode.name()).isNull();
      assertThat(decision.blockedReason()).as(mode.name()).isNull();
    }
  }

  @Test
  void plan_forwardSchemaChange_ofOneServiceOnly_ordersJustThatService() {
    PlanDecision decision =
        planner.plan(schema(CompatibilityMode.FORWARD), List.of(change(ServiceRole.ORDER, 1, 2)));

    assertThat(decision.order()).containsExactly(ServiceRole.ORDER);
  }

  private CachedServicePair schema(CompatibilityMode mode) {
    pair.getSpec().getCache().setSchemaVersion(2);
    pair.getSpec().getCache().setCompatibility(mode);
    return pair;
  }

  private static List<ServiceChange> bothChange(int from, int to) {
    // in no particular order, as the coordinator promises
    return List.of(change(ServiceRole.MENU, from, to), change(ServiceRole.ORDER, from, to));
  }

  private static ServiceChange change(ServiceRole role, int from, int to) {
    return new ServiceChange(
        role,
        "registry.example/" + role.serviceName() + ":1",
        "registry.example/" + role.serviceName() + ":2",
        from,
        to,
        "rev-" + role.id());
  }
}
