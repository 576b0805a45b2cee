package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where a service keeps its own database: a referenced external one, or an embedded H2 file, so
 * that the choice and its replica limits are explicit in the resource.
 */
@ValidationRule(
    value = "!(has(self.secretName) && has(self.embedded))",
    message = "set either secretName (external database) or embedded, not both")
public class DatabaseSpec {

  @JsonPropertyDescription(
      "Secret with the keys url, username and password of an external database (JDBC URL),"
          + " passed as SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and"
          + " SPRING_DATASOURCE_PASSWORD. When unset the service uses its embedded H2 database.")
  private String secretName;

  @JsonPropertyDescription(
      "Embedded H2 database under /data; without a claim it lives in an emptyDir and is lost"
          + " with the pod.")
  private EmbeddedDatabaseSpec embedded;

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }

  public EmbeddedDatabaseSpec getEmbedded() {
    return embedded;
  }

  public void setEmbedded(EmbeddedDatabaseSpec embedded) {
    this.embedded = embedded;
  }

  /** Whether the service uses an external database from a Secret. */
  @JsonIgnore
  public boolean isExternal() {
    return secretName != null && !secretName.isBlank();
  }
}
