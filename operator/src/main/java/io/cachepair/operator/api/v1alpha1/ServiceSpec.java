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

/** What one of the two services runs: its image, size, database and pod settings. */
@ValidationRule(
    value = "!has(self.env) || self.env.all(e, !(e.name in " + ServiceSpec.OWNED_ENV_CEL + "))",
    fieldPath = ".env",
    message =
        "env sets a variable the operator owns (ports, Coherence cluster and WKA, schema version,"
            + " preload timeout, cache quorum, database, JAVA_TOOL_OPTIONS): set it through its"
            + " field in the spec (cache, replicas, database, jvm) instead; two entries of one name"
            + " break server-side apply")
public class ServiceSpec {

  /** Environment variables the operator sets on every service container. */
  public static final List<String> OWNED_ENV =
      List.of(
          "SERVER_PORT",
          "MANAGEMENT_SERVER_PORT",
          "COHERENCE_CLUSTER",
          "COHERENCE_WKA",
          "COHERENCE_CLUSTERPORT",
          "COHERENCE_LOCALPORT",
          "COHERENCE_LOCALPORT_ADJUST",
          "COHERENCE_IPMONITOR_PINGTIMEOUT",
          "COHERENCE_HEALTH_HTTP_PORT",
          "COHERENCE_HEALTH_HTTP_ADDRESS",
          "COHERENCE_ROLE",
          "COHERENCE_LOCALHOST",
          "COHERENCE_DISCOVERY_ADDRESS",
          "COHERENCE_MEMBER",
          "COHERENCE_MACHINE",
          "CACHEPAIR_CACHE_NAME",
          "CACHEPAIR_CACHE_SCHEMAVERSION",
          "CACHEPAIR_PRELOAD_TIMEOUT",
          "CACHEPAIR_CACHE_QUORUM",
          "SPRING_DATASOURCE_URL",
          "SPRING_DATASOURCE_USERNAME",
          "SPRING_DATASOURCE_PASSWORD",
          "CACHEPAIR_CLUSTER_TLSDIR",
          "CACHEPAIR_CLUSTER_INSECURE",
          "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
          "JAVA_TOOL_OPTIONS");

  /** {@link #OWNED_ENV} as a CEL list literal (an annotation value must be a constant). */
  static final String OWNED_ENV_CEL =
      "['SERVER_PORT', 'MANAGEMENT_SERVER_PORT', 'COHERENCE_CLUSTER', 'COHERENCE_WKA',"
          + " 'COHERENCE_CLUSTERPORT', 'COHERENCE_LOCALPORT', 'COHERENCE_LOCALPORT_ADJUST',"
          + " 'COHERENCE_IPMONITOR_PINGTIMEOUT', 'COHERENCE_HEALTH_HTTP_PORT',"
          + " 'COHERENCE_HEALTH_HTTP_ADDRESS', 'COHERENCE_ROLE',"
          + " 'COHERENCE_LOCALHOST', 'COHERENCE_DISCOVERY_ADDRESS', 'COHERENCE_MEMBER',"
          + " 'COHERENCE_MACHINE',"
          + " 'CACHEPAIR_CACHE_NAME', 'CACHEPAIR_CACHE_SCHEMAVERSION', 'CACHEPAIR_PRELOAD_TIMEOUT',"
          + " 'CACHEPAIR_CACHE_QUORUM',"
          + " 'SPRING_DATASOURCE_URL', 'SPRING_DATASOURCE_USERNAME', 'SPRING_DATASOURCE_PASSWORD',"
          + " 'CACHEPAIR_CLUSTER_TLSDIR', 'CACHEPAIR_CLUSTER_INSECURE',"
          + " 'SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI',"
          + " 'JAVA_TOOL_OPTIONS']";

  @JsonPropertyDescription(
      "Container image of the service (a Spring Boot jar: API on 8080, management on 9080).")
  @Required
  private String image;

  @JsonPropertyDescription(
      "Number of pods. Every pod is a storage-enabled Coherence member holding the full dish"
          + " view; menu plus order replicas size the dish service's write quorum (a majority"
          + " from three pods on, else 1), so a change across a boundary rolls every pod.")
  @Min(1)
  @Default("1")
  private Integer replicas = 1;

  @JsonPropertyDescription("CPU and memory requests and limits of the service container.")
  private ResourceRequirements resources;

  @JsonPropertyDescription(
      "Extra environment variables for the service container, added after the ones the operator"
          + " sets; names the operator owns (ports, COHERENCE_* it sets, CACHEPAIR_CACHE_* (the"
          + " quorum follows the replicas),"
          + " CACHEPAIR_PRELOAD_TIMEOUT, SPRING_DATASOURCE_*, JAVA_TOOL_OPTIONS) are refused.")
  private List<EnvVar> env = new ArrayList<>();

  @JsonPropertyDescription("JVM heap of the service container.")
  private JvmSpec jvm;

  @JsonPropertyDescription("Probe timing overrides.")
  private ProbesSpec probes;

  @JsonPropertyDescription(
      "Pod settings passed through to the pod template: scheduling, pull secrets, volumes,"
          + " security context, grace period.")
  private PodSpecOverrides pod;

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

  public JvmSpec getJvm() {
    return jvm;
  }

  public void setJvm(JvmSpec jvm) {
    this.jvm = jvm;
  }

  public ProbesSpec getProbes() {
    return probes;
  }

  public void setProbes(ProbesSpec probes) {
    this.probes = probes;
  }

  public PodSpecOverrides getPod() {
    return pod;
  }

  public void setPod(PodSpecOverrides pod) {
    this.pod = pod;
  }

  /** The pod overrides, never null. */
  @JsonIgnore
  public PodSpecOverrides podOrDefault() {
    return pod == null ? new PodSpecOverrides() : pod;
  }

  /** Whether the service uses the embedded H2 database (no Secret given). */
  @JsonIgnore
  public boolean embeddedDatabase() {
    return database == null || !database.isExternal();
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
    return getReplicas() == null ? 1 : getReplicas();
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
