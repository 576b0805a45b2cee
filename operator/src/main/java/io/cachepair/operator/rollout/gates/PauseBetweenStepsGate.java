package io.cachepair.operator.rollout.gates;

import io.cachepair.operator.api.v1alpha1.DurationField;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.rollout.words.Reasons;
import java.time.Duration;
import java.time.Instant;

/** Waits {@code spec.rollout.pauseBetweenSteps} after the previous step completed. */
public final class PauseBetweenStepsGate implements Gate {

  @Override
  public GateVerdict check(StepContext step) {
    if (step.index() == 0) {
      return GateVerdict.open();
    }
    RolloutStep previous = step.plan().getSteps().get(step.index() - 1);
    if (previous.getCompletedAt() == null) {
      return GateVerdict.open();
    }
    Duration pause =
        DurationField.parse(
            step.pair().getSpec().rolloutOrDefault().getPauseBetweenSteps(), Duration.ZERO);
    Instant until = Instant.parse(previous.getCompletedAt()).plus(pause);
    if (!step.now().isBefore(until)) {
      return GateVerdict.open();
    }
    Duration left = Duration.between(step.now(), until);
    return GateVerdict.waitFor(
        Reasons.PAUSE_BETWEEN_STEPS,
        "pause between steps (" + Math.max(1, left.toSeconds()) + "s left)",
        left);
  }
}
