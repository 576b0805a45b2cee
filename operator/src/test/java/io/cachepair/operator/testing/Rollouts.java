package io.cachepair.operator.testing;

import io.cachepair.operator.api.v1alpha1.CachedServicePairStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStep;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.StepAction;
import io.cachepair.operator.api.v1alpha1.StepState;
import java.util.List;

/** Rollout plans as the status holds them, for unit tests of the status, rollout and dependents. */
public final class Rollouts {

  private Rollouts() {}

  public static RolloutStep step(ServiceRole service, StepAction action, StepState state) {
    RolloutStep step = new RolloutStep();
    step.setService(service);
    step.setAction(action);
    step.setState(state);
    return step;
  }

  public static RolloutStatus plan(RolloutStep... steps) {
    RolloutStatus rollout = new RolloutStatus();
    rollout.setSteps(List.of(steps));
    return rollout;
  }

  /** A status holding only {@code rollout}, as the reconciler stores a plan between passes. */
  public static CachedServicePairStatus statusWith(RolloutStatus rollout) {
    CachedServicePairStatus status = new CachedServicePairStatus();
    status.setRollout(rollout);
    return status;
  }
}
