package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the rollout stands after one pass, and when to look again if no Kubernetes event will say
 * (a safety check or a pause is not an event).
 *
 * @param rollout the plan to store in status, or {@code null} when nothing rolls out
 * @param recheckAfter when to reconcile again, or {@code null} to wait for events
 */
public record RolloutProgress(RolloutStatus rollout, Duration recheckAfter) {

  static RolloutProgress idle() {
    return new RolloutProgress(null, null);
  }

  public Optional<Duration> recheck() {
    return Optional.ofNullable(recheckAfter);
  }
}
