package io.cachepair.operator.api.v1alpha1;

/** Progress of one rollout step, persisted so a restarted operator neither repeats nor skips it. */
public enum StepState {
  /** Not started; its Deployment keeps the template it runs. */
  Pending,
  /** The Deployment was given its new template or replica count; waiting for its pods. */
  InProgress,
  /** Every pod of the Deployment is updated and ready. */
  Complete
}
