package io.cachepair.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.rollout.words.Decision;
import io.cachepair.operator.testing.Deployments;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.Pairs;
import io.cachepair.operator.testing.Rollouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write pause of a step: taken, renewed at a third left, lifted, or left to lapse. */
class WritePausesTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  private final CachedServicePair pair = Pairs.minimal("food");
  private final FakeMembers members = new FakeMembers(pod -> 1);
  private final WritePauses pauses = new WritePauses(members, Duration.ofSeconds(60));
  private final ObservedPair observed = Deployments.allReady(pair);
  private final List<Decision> decisions = new ArrayList<>();
  private final RolloutStep step =
      Rollouts.step(ServiceRole.MENU, StepAction.Update, StepState.Pending);
  private final RolloutStatus plan = Rollouts.plan(step);

  WritePausesTest() {
    step.setWritePause(true);
    plan.setCurrentStep(1);
    plan.setSummary("1/1 menu Update");
  }

  @Test
  void pauseFor_takesItThroughAReadyMenuPod_andRecordsTheLease() {
    assertThat(pauses.pauseFor(pair, plan, step, observed, NOW, decisions)).isEmpty();

    assertThat(step.getWritePauseUntil()).isEqualTo("2025-01-01T10:01:00Z");
    assertThat(members.pauseCalls()).containsExactly("POST food-menu-0 60s");
    assertThat(decisions).extracting(Decision::reason).containsExactly("WritePauseSet");
  }

  @Test
  void renewIfDue_onlyWithAThirdOfTheLeaseLeft() {
    step.setWritePauseUntil("2025-01-01T10:00:30Z");
    pauses.renewIfDue(pair, plan, step, observed, NOW, decisions);
    assertThat(members.pauseCalls()).isEmpty();

    pauses.renewIfDue(pair, plan, step, observed, NOW.plusSeconds(15), decisions);
    assertThat(members.pauseCalls()).containsExactly("POST food-menu-0 60s");
    assertThat(step.getWritePauseUntil()).isEqualTo("2025-01-01T10:01:15Z");
  }

  @Test
  void lift_refusedBeforeTheLeaseLapses_holdsTheStep_afterItLapses_goesOnWithAWarning() {
    step.setWritePauseUntil("2025-01-01T10:01:00Z");
    members.failPauses(true);

    assertThat(pauses.lift(pair, step, observed, NOW, decisions)).isPresent();
    assertThat(pauses.lift(pair, step, observed, NOW.plusSeconds(61), decisions)).isEmpty();
    assertThat(decisions)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo("WritePauseFailed");
              assertThat(d.warning()).isTrue();
              assertThat(d.message()).contains("lapsed");
            });
  }

  @Test
  void pauseFor_stepWithoutPause_asksNobody() {
    step.setWritePause(null);

    assertThat(pauses.pauseFor(pair, plan, step, observed, NOW, decisions)).isEmpty();
    assertThat(members.pauseCalls()).isEmpty();
  }

  @Test
  void upgradeSlot_onePairAtATime_recoveredFromStatusAfterARestart() {
    UpgradeSlot slot = new UpgradeSlot();
    assertThat(slot.claim("shop/a", java.util.Optional.empty())).isEmpty();
    assertThat(slot.claim("shop/b", java.util.Optional.empty())).contains("shop/a");
    slot.release("shop/a");
    assertThat(slot.claim("shop/b", java.util.Optional.empty())).isEmpty();

    UpgradeSlot restarted = new UpgradeSlot();
    assertThat(restarted.claim("shop/c", java.util.Optional.of("shop/b"))).contains("shop/b");
  }
}
