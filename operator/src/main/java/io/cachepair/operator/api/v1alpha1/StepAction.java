package io.cachepair.operator.api.v1alpha1;

/** What a rollout step does to its one Deployment. */
public enum StepAction {
  /** Give the Deployment a new pod template (image, schema version, configuration). */
  Update,
  /** Remove one pod, so two storage members never leave together. */
  ScaleIn,
  /**
   * Stop every pod of the Deployment, keeping its template: the first half of a Recreate plan for a
   * NONE schema change, which accepts downtime.
   */
  ScaleDown
}
