package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;

/** What one of the two services runs: its image, size and database. */
@ValidationRule(
    value =
        "!has(self.database) || !has(self.database.embedded)"
            + " || !has(self.database.embedded.claimName) || !has(self.replicas)"
            + " || self.replicas == 1",
    message = "an embedded database on a volume claim is one H2 file: only 1 replica can open it")
public class ServiceSpec {

  @JsonPropertyDescription("Container image of the service (a Spring Boot jar listening on 8080).")
  @Required
  private String image;

  @JsonPropertyDescription(
      "Number of pods. Every pod is a storage-enabled Coherence member holding the full dish"
          + " view.")
  @Min(1)
  @Default("1")
  private Integer replicas = 1;

  @JsonPropertyDescription("CPU and memory requests and limits of the service container.")
  private ResourceRequirements resources;

  @JsonPropertyDescription(
      "Extra environment variables for the service container, added after the ones the operator"
          + " sets (cluster, WKA, ports, schema version, database).")
  private List<EnvVar> env = new ArrayList<>();

  @JsonPropertyDescription(
      "Database of the service: an external one from a Secret, or the embedded H2 (default).")
  private DatabaseSpec database;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public DatabaseSpec getDatabase() {
    return database;
  }

  public void setDatabase(DatabaseSpec database) {
    this.database = database;
  }

  /** Replicas with the CRD default applied, for resources created without defaulting. */
  @JsonIgnore
  public int replicasOrDefault() {
    return replicas == null ? 1 : replicas;
  }

  /** The volume claim of the embedded database, or {@code null} when it lives in an emptyDir. */
  @JsonIgnore
  public String embeddedClaimName() {
    if (database == null || database.isExternal() || database.getEmbedded() == null) {
      return null;
    }
    String claim = database.getEmbedded().getClaimName();
    return claim == null || claim.isBlank() ? null : claim;
  }
}
