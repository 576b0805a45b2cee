package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** The service JVM's heap, sized from the container's memory so the pod is not OOM-killed. */
public class JvmSpec {

  @JsonPropertyDescription(
      "Maximum heap: a percentage of the container's memory limit (e.g. 50%; the operator turns it"
          + " into -Xmx from resources.limits.memory, else requests.memory, else"
          + " -XX:MaxRAMPercentage) or an explicit size (e.g. 512m, 1g). The JVM always runs with"
          + " -XX:+ExitOnOutOfMemoryError, so a member out of heap restarts instead of limping.")
  @Default("50%")
  @Pattern("^([1-9][0-9]?%|[1-9][0-9]*[mMgG])$")
  private String heap = "50%";

  public String getHeap() {
    return heap;
  }

  public void setHeap(String heap) {
    this.heap = heap;
  }
}
