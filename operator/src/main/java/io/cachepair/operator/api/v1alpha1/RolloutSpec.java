package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** How the operator replaces pods when the spec changes; one Deployment at a time in every mode. */
public class RolloutSpec {

  @JsonPropertyDescription(
      "RollingUpdate (default) replaces one pod at a time with no fewer ready pods than"
          + " replicas; Recreate stops all pods of a Deployment before starting new ones and so"
          + " accepts downtime of that service.")
  @Default("RollingUpdate")
  private RolloutStrategy strategy = RolloutStrategy.RollingUpdate;

  @JsonPropertyDescription(
      "Time to wait after one step finished before the next one starts, as an ISO-8601"
          + " duration (PT30S) or seconds.")
  @Default("PT0S")
  @Pattern("^([0-9]+|PT([0-9]+H)?([0-9]+M)?([0-9]+S)?)$")
  private String pauseBetweenSteps = "PT0S";

  public RolloutStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(RolloutStrategy strategy) {
    this.strategy = strategy;
  }

  public String getPauseBetweenSteps() {
    return pauseBetweenSteps;
  }

  public void setPauseBetweenSteps(String pauseBetweenSteps) {
    this.pauseBetweenSteps = pauseBetweenSteps;
  }
}
