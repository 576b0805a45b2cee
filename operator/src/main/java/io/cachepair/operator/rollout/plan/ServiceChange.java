package io.cachepair.operator.rollout.plan;

import io.cachepair.operator.api.v1alpha1.ServiceRole;

/**
 * A service whose running pod template differs from the one the spec asks for, which a planner puts
 * in order.
 *
 * @param role the service
 * @param fromImage image it runs
 * @param toImage image the spec asks for
 * @param fromSchemaVersion cache schema version it runs
 * @param toSchemaVersion cache schema version the spec asks for
 * @param toRevision revision of the new pod template
 */
public record ServiceChange(
    ServiceRole role,
    String fromImage,
    String toImage,
    Integer fromSchemaVersion,
    Integer toSchemaVersion,
    String toRevision) {

  /** Whether this change moves the service to another cache schema version. */
  public boolean changesSchema() {
    return toSchemaVersion != null && !toSchemaVersion.equals(fromSchemaVersion);
  }
}
