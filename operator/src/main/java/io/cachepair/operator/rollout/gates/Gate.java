package io.cachepair.operator.rollout.gates;

/**
 * One condition the next rollout step must meet; the coordinator asks the gates in order and the
 * first one that is not open decides, so each gate is small and tested on its own.
 */
@FunctionalInterface
public interface Gate {

  /**
   * Checks the step at {@code step.index()}. A gate may record what it learnt in the plan (the
   * contract a service reported), which the coordinator stores.
   */
  GateVerdict check(StepContext step);
}
