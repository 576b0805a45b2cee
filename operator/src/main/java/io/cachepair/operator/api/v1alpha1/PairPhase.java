package io.cachepair.operator.api.v1alpha1;

/** One word for humans in {@code kubectl get csp}; the conditions carry the detail. */
public enum PairPhase {
  /** Resources are being created or no pod runs yet. */
  Pending,
  /** Pods run but at least one has not finished its preload (readiness held). */
  Preloading,
  /** Every pod of both services is ready and nothing is rolling out. */
  Ready,
  /** A rollout plan is in progress, one Deployment at a time. */
  RollingOut,
  /** A service has no ready pod or a Deployment failed to progress. */
  Degraded,
  /** A rollout cannot proceed without the user's intervention. */
  Blocked
}
