/**
 * Rollouts one Deployment at a time: {@code plan} decides the steps and their order from the
 * compatibility mode, {@code gates} decide whether the next step may start (pause, pods, contract,
 * safety), {@code words} say it, and the {@link io.cachepair.operator.rollout.RolloutCoordinator}
 * runs a step, under a write pause where the plan says.
 */
package io.cachepair.operator.rollout;
