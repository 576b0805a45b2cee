package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Overrides of one probe's timings; unset fields keep the operator's values. */
public class ProbeTimings {

  @JsonPropertyDescription("Seconds between two probes.")
  @Min(1)
  private Integer periodSeconds;

  @JsonPropertyDescription("Seconds one probe may take.")
  @Min(1)
  private Integer timeoutSeconds;

  @JsonPropertyDescription("Failed probes in a row before the probe counts as failed.")
  @Min(1)
  private Integer failureThreshold;

  @JsonPropertyDescription("Seconds after the container started before the first probe.")
  @Min(0)
  private Integer initialDelaySeconds;

  public Integer getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(Integer periodSeconds) {
    this.periodSeconds = periodSeconds;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Integer getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
  }

  public Integer getInitialDelaySeconds() {
    return initialDelaySeconds;
  }

  public void setInitialDelaySeconds(Integer initialDelaySeconds) {
    this.initialDelaySeconds = initialDelaySeconds;
  }
}
