package io.cachepair.operator.api.v1alpha1;

/**
 * How a new cache schema version relates to the previous one, named as schema registries name it,
 * so the operator can order a rollout that keeps every reader working.
 */
public enum CompatibilityMode {
  /** New readers read old data and old readers read new data. */
  FULL,
  /** New readers read old data: readers (order) roll first. */
  BACKWARD,
  /** Old readers read new data: the writer (menu) rolls first. */
  FORWARD,
  /** Neither: no rolling update can keep both services working. */
  NONE
}
