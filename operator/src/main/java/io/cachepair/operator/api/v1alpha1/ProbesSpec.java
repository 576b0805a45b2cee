package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Timing overrides of the three probes; paths and ports stay the operator's. */
public class ProbesSpec {

  @JsonPropertyDescription("Readiness probe on /actuator/health/readiness (management port).")
  private ProbeTimings readiness;

  @JsonPropertyDescription("Liveness probe on /actuator/health/liveness (management port).")
  private ProbeTimings liveness;

  @JsonPropertyDescription(
      "Startup probe on the liveness path; by default sized from cache.preloadTimeout.")
  private ProbeTimings startup;

  public ProbeTimings getReadiness() {
    return readiness;
  }

  public void setReadiness(ProbeTimings readiness) {
    this.readiness = readiness;
  }

  public ProbeTimings getLiveness() {
    return liveness;
  }

  public void setLiveness(ProbeTimings liveness) {
    this.liveness = liveness;
  }

  public ProbeTimings getStartup() {
    return startup;
  }

  public void setStartup(ProbeTimings startup) {
    this.startup = startup;
  }
}
