package io.cachepair.operator.rollout.gates;

import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.dependent.ObservedPair;
import io.cachepair.operator.rollout.words.Reasons;
import io.cachepair.operator.rollout.words.RolloutWords;
import java.time.Duration;

/**
 * Every pod of the pair updated and ready, and none terminating: a pod still leaving is still a
 * Coherence member holding partitions, although its Deployment no longer counts it.
 */
public final class PodsGate implements Gate {

  private final Duration recheck;

  /**
   * @param recheck fallback look; Pod and Deployment events normally come first
   */
  public PodsGate(Duration recheck) {
    this.recheck = recheck;
  }

  @Override
  public GateVerdict check(StepContext step) {
    ObservedPair observed = step.observed();
    if (observed.allSettled()) {
      return GateVerdict.open();
    }
    String reason = Reasons.WAITING_FOR_PODS;
    String what = "every pod ready";
    int terminating = 0;
    int preloading = 0;
    for (ServiceRole role : ServiceRole.values()) {
      terminating += observed.terminatingPods(role);
      preloading += observed.runningPods(role) - observed.readyPods(role);
    }
    if (terminating > 0) {
      reason = Reasons.WAITING_FOR_TERMINATION;
      what = "every terminating pod gone";
    } else if (preloading > 0) {
      reason = Reasons.WAITING_FOR_PRELOAD;
      what = "the preload of every starting pod (readiness is held until it is done)";
    }
    return GateVerdict.waitFor(
        reason,
        what + " before step " + (step.index() + 1) + " (" + RolloutWords.readiness(observed) + ")",
        recheck);
  }
}
