package io.cachepair.operator.api.v1alpha1;

/**
 * How pods of one Deployment are replaced during a rollout step; explicit so downtime is opt-in.
 */
public enum RolloutStrategy {
  /** One extra pod at a time, never fewer ready pods than replicas. */
  RollingUpdate,
  /** All pods of the Deployment are stopped before the new ones start: accepts downtime. */
  Recreate
}
