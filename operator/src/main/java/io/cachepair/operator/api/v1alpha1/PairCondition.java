package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A Kubernetes-style condition ({@code metav1.Condition} shape), so tools that wait on conditions
 * ({@code kubectl wait --for=condition=Ready}) work on a pair.
 */
public class PairCondition {

  /** All pods of both services ready, nothing rolling out. */
  public static final String READY = "Ready";

  /** The operator is creating, preloading or rolling out. */
  public static final String PROGRESSING = "Progressing";

  /** Abnormal-true: a service is down, a Deployment failed, or a rollout is blocked. */
  public static final String DEGRADED = "Degraded";

  @JsonPropertyDescription("Condition type: Ready, Progressing or Degraded.")
  private String type;

  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("Machine-readable CamelCase reason for the last update.")
  private String reason;

  @JsonPropertyDescription("Human-readable detail.")
  private String message;

  @JsonPropertyDescription("When status last changed (RFC 3339); kept while status is unchanged.")
  private String lastTransitionTime;

  @JsonPropertyDescription("metadata.generation the condition was computed for.")
  private Long observedGeneration;

  public PairCondition() {}

  public PairCondition(
      String type,
      String status,
      String reason,
      String message,
      String lastTransitionTime,
      Long observedGeneration) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.lastTransitionTime = lastTransitionTime;
    this.observedGeneration = observedGeneration;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }
}
