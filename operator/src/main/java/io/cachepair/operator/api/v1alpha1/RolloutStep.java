package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One step of a rollout plan: one change to one Deployment, recorded with where it came from. */
public class RolloutStep {

  @JsonPropertyDescription("Service whose Deployment this step changes: menu or order.")
  private ServiceRole service;

  @JsonPropertyDescription(
      "Update (new pod template), ScaleIn (one pod fewer) or ScaleDown (every pod stopped, in a"
          + " Recreate plan).")
  private StepAction action;

  @JsonPropertyDescription("Pending, InProgress or Complete.")
  private StepState state = StepState.Pending;

  @JsonPropertyDescription("Image before the step.")
  private String fromImage;

  @JsonPropertyDescription("Image after the step.")
  private String toImage;

  @JsonPropertyDescription("Cache schema version before the step.")
  private Integer fromSchemaVersion;

  @JsonPropertyDescription("Cache schema version after the step.")
  private Integer toSchemaVersion;

  @JsonPropertyDescription("Pod template revision (hash) after the step.")
  private String toRevision;

  @JsonPropertyDescription("Replicas before the step.")
  private Integer fromReplicas;

  @JsonPropertyDescription("Replicas after the step.")
  private Integer toReplicas;

  @JsonPropertyDescription(
      "Contract version the step's new pods reported on /actuator/cachepair, checked against"
          + " spec.cache.schemaVersion before the next step of a schema change.")
  private Integer reportedContractVersion;

  @JsonPropertyDescription(
      "Whether menu-service refuses writes while this step runs (a write pause the operator sets"
          + " on a menu pod's POST /actuator/writepause, renews, and lifts when the step is done).")
  private Boolean writePause;

  @JsonPropertyDescription("Until when the write pause of this step was last granted (RFC 3339).")
  private String writePauseUntil;

  @JsonPropertyDescription("When the step started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the step completed (RFC 3339).")
  private String completedAt;

  public ServiceRole getService() {
    return service;
  }

  public void setService(ServiceRole service) {
    this.service = service;
  }

  public StepAction getAction() {
    return action;
  }

  public void setAction(StepAction action) {
    this.action = action;
  }

  public StepState getState() {
    return state;
  }

  public void setState(StepState state) {
    this.state = state;
  }

  public String getFromImage() {
    return fromImage;
  }

  public void setFromImage(String fromImage) {
    this.fromImage = fromImage;
  }

  public String getToImage() {
    return toImage;
  }

  public void setToImage(String toImage) {
    this.toImage = toImage;
  }

  public Integer getFromSchemaVersion() {
    return fromSchemaVersion;
  }

  public void setFromSchemaVersion(Integer fromSchemaVersion) {
    this.fromSchemaVersion = fromSchemaVersion;
  }

  public Integer getToSchemaVersion() {
    return toSchemaVersion;
  }

  public void setToSchemaVersion(Integer toSchemaVersion) {
    this.toSchemaVersion = toSchemaVersion;
  }

  public String getToRevision() {
    return toRevision;
  }

  public void setToRevision(String toRevision) {
    this.toRevision = toRevision;
  }

  public Integer getFromReplicas() {
    return fromReplicas;
  }

  public void setFromReplicas(Integer fromReplicas) {
    this.fromReplicas = fromReplicas;
  }

  public Integer getToReplicas() {
    return toReplicas;
  }

  public void setToReplicas(Integer toReplicas) {
    this.toReplicas = toReplicas;
  }

  public Integer getReportedContractVersion() {
    return reportedContractVersion;
  }

  public void setReportedContractVersion(Integer reportedContractVersion) {
    this.reportedContractVersion = reportedContractVersion;
  }

  public Boolean getWritePause() {
    return writePause;
  }

  public void setWritePause(Boolean writePause) {
    this.writePause = writePause;
  }

  /** Whether this step runs under a write pause. */
  public boolean underWritePause() {
    return Boolean.TRUE.equals(writePause);
  }

  public String getWritePauseUntil() {
    return writePauseUntil;
  }

  public void setWritePauseUntil(String writePauseUntil) {
    this.writePauseUntil = writePauseUntil;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }
}
