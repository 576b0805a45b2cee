package io.cachepair.contract.schema;

/**
 * How a new version of a cached type may be rolled out next to the previous one, as schema
 * registries name it.
 */
public enum CompatibilityMode {
  /** New readers read old data and old readers read new data: roll out in either order. */
  FULL,
  /** New readers read old data: roll out the consumers (order-service) first. */
  BACKWARD,
  /** Old readers read new data: roll out the producer (menu-service) first. */
  FORWARD,
  /** Neither: no rolling update; a new type id or cache, or a recreate with downtime. */
  NONE;

  /**
   * Combines the effect of two changes: both must hold.
   *
   * @param other the mode another change allows
   * @return the weakest mode both changes allow
   */
  public CompatibilityMode and(CompatibilityMode other) {
    if (this == other) {
      return this;
    }
    if (this == FULL) {
      return other;
    }
    if (other == FULL) {
      return this;
    }
    return NONE;
  }

  /**
   * Whether a change of this computed mode may be published under a declared mode.
   *
   * @param declared the mode the type's owner declared
   * @return {@code true} when every guarantee of the declared mode holds
   */
  public boolean satisfies(CompatibilityMode declared) {
    return declared == NONE || this == FULL || this == declared;
  }
}
