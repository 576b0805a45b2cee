package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The shared dish cache as a contract: which schema the services must compile against. */
public class CacheSpec {

  @JsonPropertyDescription(
      "Name of the shared dish cache, passed to both services as CACHEPAIR_CACHE_NAME.")
  @Default("dishes")
  private String name = "dishes";

  @JsonPropertyDescription(
      "Cache contract (schema) version the images are built for, passed as"
          + " CACHEPAIR_CACHE_SCHEMAVERSION; a service refuses to start when its compiled contract"
          + " differs.")
  @Required
  @Min(1)
  private Integer schemaVersion;

  @JsonPropertyDescription(
      "Compatibility of this schema version with the previous one: FULL, BACKWARD (new readers"
          + " read old data), FORWARD (old readers read new data) or NONE. Decides the rollout"
          + " order of a schema change.")
  @Default("BACKWARD")
  private CompatibilityMode compatibility = CompatibilityMode.BACKWARD;

  @JsonPropertyDescription(
      "Longest time a starting member may spend preloading dishes, as an ISO-8601 duration"
          + " (PT5M) or seconds (300). Passed as CACHEPAIR_PRELOAD_TIMEOUT and used to size the"
          + " startup probe.")
  @Default("PT5M")
  @Pattern("^([0-9]+|PT([0-9]+H)?([0-9]+M)?([0-9]+S)?)$")
  private String preloadTimeout = "PT5M";

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Integer getSchemaVersion() {
    return schemaVersion;
  }

  public void setSchemaVersion(Integer schemaVersion) {
    this.schemaVersion = schemaVersion;
  }

  public CompatibilityMode getCompatibility() {
    return compatibility;
  }

  public void setCompatibility(CompatibilityMode compatibility) {
    this.compatibility = compatibility;
  }

  public String getPreloadTimeout() {
    return preloadTimeout;
  }

  public void setPreloadTimeout(String preloadTimeout) {
    this.preloadTimeout = preloadTimeout;
  }
}
