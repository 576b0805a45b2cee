package io.cachepair.operator.rollout;

import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.rollout.words.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the rollout stands after one pass, what was decided in it, and when to look again if no
 * Kubernetes event will say (a safety check, a pause or a write-pause renewal is not an event).
 *
 * @param rollout the plan to store in status, or {@code null} when nothing rolls out
 * @param recheckAfter when to reconcile again, or {@code null} to wait for events
 * @param decisions what this pass decided, to log and record as Events, in order
 */
public record RolloutProgress(
    RolloutStatus rollout, Duration recheckAfter, List<Decision> decisions) {

  public RolloutProgress {
    decisions = List.copyOf(decisions);
  }

  static RolloutProgress idle(List<Decision> decisions) {
    return new RolloutProgress(null, null, decisions);
  }

  public Optional<Duration> recheck() {
    return Optional.ofNullable(recheckAfter);
  }
}
