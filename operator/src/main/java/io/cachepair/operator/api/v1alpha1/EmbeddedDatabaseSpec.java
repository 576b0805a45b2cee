package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The embedded H2 database of one service, optionally kept on a volume claim across restarts. */
public class EmbeddedDatabaseSpec {

  @JsonPropertyDescription(
      "Existing PersistentVolumeClaim mounted at /data, so the H2 file survives pod restarts. An H2"
          + " file can be opened by one process only: with a claim the service runs 1 replica and"
          + " is replaced with the Recreate strategy.")
  private String claimName;

  public String getClaimName() {
    return claimName;
  }

  public void setClaimName(String claimName) {
    this.claimName = claimName;
  }
}
