package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of one service's Deployment, copied so {@code kubectl get csp} can show it. */
public class ServiceStatus {

  @JsonPropertyDescription("Image the Deployment currently runs.")
  private String image;

  @JsonPropertyDescription("Cache schema version the Deployment currently runs.")
  private Integer schemaVersion;

  @JsonPropertyDescription("Desired pods of the Deployment.")
  private Integer replicas;

  @JsonPropertyDescription("Pods that passed their readiness probe (preload done, cluster safe).")
  private Integer readyReplicas;

  @JsonPropertyDescription("Pods that run the Deployment's current template.")
  private Integer updatedReplicas;

  @JsonPropertyDescription("readyReplicas/replicas, for printing.")
  private String ready;

  @JsonPropertyDescription(
      "When all pods of this service were first ready; before that unready pods are preloading,"
          + " after it a service without ready pods is degraded.")
  private String firstReadyTime;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Integer getSchemaVersion() {
    return schemaVersion;
  }

  public void setSchemaVersion(Integer schemaVersion) {
    this.schemaVersion = schemaVersion;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public Integer getUpdatedReplicas() {
    return updatedReplicas;
  }

  public void setUpdatedReplicas(Integer updatedReplicas) {
    this.updatedReplicas = updatedReplicas;
  }

  public String getReady() {
    return ready;
  }

  public void setReady(String ready) {
    this.ready = ready;
  }

  public String getFirstReadyTime() {
    return firstReadyTime;
  }

  public void setFirstReadyTime(String firstReadyTime) {
    this.firstReadyTime = firstReadyTime;
  }
}
