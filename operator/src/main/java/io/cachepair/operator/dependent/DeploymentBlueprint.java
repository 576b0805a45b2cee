package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CachedServicePairSpec;
import io.cachepair.operator.api.v1alpha1.DurationField;
import io.cachepair.operator.api.v1alpha1.PodSpecOverrides;
import io.cachepair.operator.api.v1alpha1.RolloutStrategy;
import io.cachepair.operator.api.v1alpha1.SecuritySpec;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.api.v1alpha1.ServiceSpec;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the Deployment of one service from the spec, or around the pod template it already runs
 * when the rollout plan holds it; separate from the dependent so it is a pure function to test.
 */
public final class DeploymentBlueprint {

  /** Hash of the pod template the operator built; compared to plan a rollout step. */
  public static final String REVISION_ANNOTATION = "cachepair.io/revision";

  /** Cache schema version in the pod template, so the running version is visible per pod. */
  public static final String SCHEMA_VERSION_ANNOTATION = "cachepair.io/schema-version";

  /**
   * Long enough for the preStop wait, Spring's graceful shutdown (20 s) and a clean Coherence leave
   * on SIGTERM.
   */
  public static final long TERMINATION_GRACE_SECONDS = 60;

  /** preStop wait before SIGTERM, so endpoints stop routing to a pod that is shutting down. */
  public static final int PRE_STOP_SECONDS = 10;

  /** UID and GID the service images run as ({@code USER 10001:10001} in both Dockerfiles). */
  static final long SERVICE_USER = 10001;

  static final Duration DEFAULT_PRELOAD_TIMEOUT = Duration.ofMinutes(5);
  static final String DATA_VOLUME = "data";
  static final String TMP_VOLUME = "tmp";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private DeploymentBlueprint() {}

  /**
   * The desired Deployment.
   *
   * @param pair the owning resource
   * @param role which service
   * @param heldTemplate the template to keep (the plan has not reached this service yet), or {@code
   *     null} to build it from the spec
   * @param heldRevision the revision annotation that goes with {@code heldTemplate}
   * @param replicas replicas the rollout allows now
   */
  public static Deployment build(
      CachedServicePair pair,
      ServiceRole role,
      PodTemplateSpec heldTemplate,
      String heldRevision,
      int replicas) {
    PodTemplateSpec template = heldTemplate != null ? heldTemplate : podTemplate(pair, role);
    String revision = heldTemplate != null ? heldRevision : revision(template);
    ServiceSpec service = role.specOf(pair.getSpec());
    Duration preload = preloadTimeout(pair.getSpec());
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(PairNames.service(pair, role))
        .withNamespace(pair.getMetadata().getNamespace())
        .withLabels(PairLabels.forService(pair, role))
        .addToAnnotations(REVISION_ANNOTATION, revision == null ? "" : revision)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withSelector(
            new LabelSelectorBuilder()
                .withMatchLabels(PairLabels.serviceSelector(pair, role))
                .build())
        .withStrategy(strategy(pair.getSpec(), service))
        .withProgressDeadlineSeconds((int) Math.max(600, preload.toSeconds() + 600))
        .withRevisionHistoryLimit(5)
        .withTemplate(template)
        .endSpec()
        .build();
  }

  /** The pod template as the spec asks for it. */
  public static PodTemplateSpec podTemplate(CachedServicePair pair, ServiceRole role) {
    CachedServicePairSpec spec = pair.getSpec();
    ServiceSpec service = role.specOf(spec);
    PodSpecOverrides pod = service.podOrDefault();
    Duration preload = preloadTimeout(spec);
    Map<String, String> annotations = new LinkedHashMap<>(pod.getAnnotations());
    annotations.put(SCHEMA_VERSION_ANNOTATION, String.valueOf(spec.getCache().getSchemaVersion()));
    annotations.put("prometheus.io/scrape", "true");
    annotations.put("prometheus.io/port", String.valueOf(PairPorts.MANAGEMENT));
    annotations.put("prometheus.io/path", "/actuator/prometheus");
    int preStop =
        pod.getPreStopSleepSeconds() == null ? PRE_STOP_SECONDS : pod.getPreStopSleepSeconds();
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(PairLabels.forService(pair, role))
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(
            pod.getTerminationGracePeriodSeconds() == null
                ? TERMINATION_GRACE_SECONDS
                : pod.getTerminationGracePeriodSeconds())
        .withSecurityContext(
            pod.getSecurityContext() != null ? pod.getSecurityContext() : podSecurity())
        .withNodeSelector(pod.getNodeSelector().isEmpty() ? null : pod.getNodeSelector())
        .withTolerations(pod.getTolerations())
        .withAffinity(pod.getAffinity())
        .withImagePullSecrets(pod.getImagePullSecrets())
        .withTopologySpreadConstraints(
            pod.getTopologySpreadConstraints().isEmpty()
                ? List.of(spreadOverNodes(pair))
                : pod.getTopologySpreadConstraints())
        .addToContainers(
            new ContainerBuilder()
                .withName(role.serviceName())
                .withImage(service.getImage())
                .withImagePullPolicy("IfNotPresent")
                .withPorts(containerPorts())
                .withEnv(environment(pair, role))
                .withResources(service.getResources())
                .withReadinessProbe(ContainerProbes.readiness(service.getProbes()))
                .withLivenessProbe(ContainerProbes.liveness(service.getProbes()))
                .withStartupProbe(ContainerProbes.startup(preload, service.getProbes()))
                // Endpoints stop routing to a deleted pod a moment after it is deleted: wait
                // before SIGTERM, then Spring shuts down gracefully and the member leaves.
                .withNewLifecycle()
                .withNewPreStop()
                .withNewExec()
                .withCommand("sleep", String.valueOf(preStop))
                .endExec()
                .endPreStop()
                .endLifecycle()
                .withVolumeMounts(
                    mergeByName(mounts(pair), pod.getVolumeMounts(), VolumeMount::getName))
                .withSecurityContext(
                    pod.getContainerSecurityContext() != null
                        ? pod.getContainerSecurityContext()
                        : containerSecurity())
                .build())
        .withVolumes(mergeByName(volumes(pair, service), pod.getVolumes(), Volume::getName))
        .endSpec()
        .build();
  }

  /**
   * The service images' numeric user (a name cannot be checked against runAsNonRoot); the fsGroup
   * makes a claim mounted at /data writable for it, so the embedded H2 can open.
   */
  private static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(SERVICE_USER)
        .withRunAsGroup(SERVICE_USER)
        .withFsGroup(SERVICE_USER)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  private static SecurityContext containerSecurity() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .build();
  }

  /** Two members on one node are lost together: spread the pair's pods over nodes. */
  private static TopologySpreadConstraint spreadOverNodes(CachedServicePair pair) {
    return new TopologySpreadConstraintBuilder()
        .withMaxSkew(1)
        .withTopologyKey("kubernetes.io/hostname")
        .withWhenUnsatisfiable("ScheduleAnyway")
        .withNewLabelSelector()
        .withMatchLabels(PairLabels.pairSelector(pair))
        .endLabelSelector()
        .build();
  }

  /** The operator's entries, each replaced by the user's entry of the same name, then the rest. */
  static <T> List<T> mergeByName(List<T> own, List<T> user, Function<T, String> name) {
    Map<String, T> merged = new LinkedHashMap<>();
    own.forEach(item -> merged.put(name.apply(item), item));
    if (user != null) {
      user.forEach(item -> merged.put(name.apply(item), item));
    }
    return new ArrayList<>(merged.values());
  }

  /** A short stable hash of a pod template: equal templates, equal revisions. */
  public static String revision(PodTemplateSpec template) {
    try {
      byte[] json = SERIALIZATION.asJson(template).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The preload budget of the spec, defaulted like the CRD does. */
  public static Duration preloadTimeout(CachedServicePairSpec spec) {
    return DurationField.parse(spec.getCache().getPreloadTimeout(), DEFAULT_PRELOAD_TIMEOUT);
  }

  static DeploymentStrategy strategy(CachedServicePairSpec spec, ServiceSpec service) {
    // An H2 file on a claim can be opened by one process only: a surge pod would never get ready.
    if (spec.rolloutOrDefault().getStrategy() == RolloutStrategy.Recreate
        || service.embeddedClaimName() != null) {
      return new DeploymentStrategyBuilder().withType("Recreate").build();
    }
    return new DeploymentStrategyBuilder()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxUnavailable(new IntOrString(0))
        .withMaxSurge(new IntOrString(1))
        .endRollingUpdate()
        .build();
  }

  /** Where a member finds the pair's cluster TLS files (the Secret named in spec.security). */
  static final String CLUSTER_TLS_PATH = "/etc/cachepair/cluster-tls";

  private static final String CLUSTER_TLS_VOLUME = "cluster-tls";

  static List<EnvVar> environment(CachedServicePair pair, ServiceRole role) {
    CachedServicePairSpec spec = pair.getSpec();
    ServiceSpec service = role.specOf(spec);
    List<EnvVar> env = new ArrayList<>();
    env.add(value("SERVER_PORT", PairPorts.HTTP));
    env.add(value("MANAGEMENT_SERVER_PORT", PairPorts.MANAGEMENT));
    env.add(value("COHERENCE_CLUSTER", pair.effectiveClusterName()));
    env.add(value("COHERENCE_WKA", PairNames.wkaHost(pair)));
    env.add(value("COHERENCE_CLUSTERPORT", PairPorts.CLUSTER));
    env.add(value("COHERENCE_LOCALPORT", PairPorts.UNICAST));
    env.add(value("COHERENCE_LOCALPORT_ADJUST", "false"));
    // As the Coherence Operator does: the IpMonitor pings the echo port 7, which no policy opens.
    env.add(value("COHERENCE_IPMONITOR_PINGTIMEOUT", "0"));
    // Coherence 25.03 always starts its $SYS health HTTP proxy, on an ephemeral port of every
    // interface unless told an address (found by NetworkPolicyRealPortsIT): keep it on loopback,
    // the services' own actuator health on the management port is what Kubernetes probes.
    env.add(value("COHERENCE_HEALTH_HTTP_ADDRESS", "127.0.0.1"));
    env.add(value("COHERENCE_ROLE", role.id()));
    env.add(field("COHERENCE_LOCALHOST", "status.podIP"));
    // The services default discovery to 127.0.0.1 for local runs; a pod's WKA peers reach the
    // cluster port on the pod IP (without this, found by NetworkPolicyRealPortsIT, the cluster
    // port listens on loopback and no member can join another).
    env.add(field("COHERENCE_DISCOVERY_ADDRESS", "status.podIP"));
    env.add(field("COHERENCE_MEMBER", "metadata.name"));
    // Pods on one node fail together; Coherence places backups on another machine when it knows.
    env.add(field("COHERENCE_MACHINE", "spec.nodeName"));
    env.add(value("CACHEPAIR_CACHE_NAME", spec.getCache().getName()));
    env.add(value("CACHEPAIR_CACHE_SCHEMAVERSION", spec.getCache().getSchemaVersion()));
    env.add(value("CACHEPAIR_PRELOAD_TIMEOUT", preloadTimeout(spec).toSeconds()));
    // A majority of the pair's storage members, so a minority island takes no writes
    env.add(value(StorageQuorum.ENV, StorageQuorum.of(spec)));
    if (service.getDatabase() != null && service.getDatabase().isExternal()) {
      String secret = service.getDatabase().getSecretName();
      env.add(secretKey("SPRING_DATASOURCE_URL", secret, "url"));
      env.add(secretKey("SPRING_DATASOURCE_USERNAME", secret, "username"));
      env.add(secretKey("SPRING_DATASOURCE_PASSWORD", secret, "password"));
    }
    SecuritySpec security = spec.getSecurity();
    if (security != null && security.getClusterTlsSecret() != null) {
      env.add(value("CACHEPAIR_CLUSTER_TLSDIR", CLUSTER_TLS_PATH));
    } else if (security != null && Boolean.TRUE.equals(security.getInsecureCluster())) {
      env.add(value("CACHEPAIR_CLUSTER_INSECURE", "true"));
    }
    if (security != null && security.getJwkSetUri() != null) {
      env.add(
          value("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", security.getJwkSetUri()));
    }
    env.add(value("JAVA_TOOL_OPTIONS", JvmOptions.of(service)));
    if (service.getEnv() != null) {
      // The CRD refuses owned names; an object stored before that rule must not break apply.
      Set<String> owned = new HashSet<>(ServiceSpec.OWNED_ENV);
      env.stream().map(EnvVar::getName).forEach(owned::add);
      service.getEnv().stream().filter(e -> !owned.contains(e.getName())).forEach(env::add);
    }
    return env;
  }

  private static List<ContainerPort> containerPorts() {
    return List.of(
        port(PairPorts.HTTP_NAME, PairPorts.HTTP, "TCP"),
        port(PairPorts.MANAGEMENT_NAME, PairPorts.MANAGEMENT, "TCP"),
        port("cluster", PairPorts.CLUSTER, "TCP"),
        port("cluster-udp", PairPorts.CLUSTER, "UDP"),
        port("unicast", PairPorts.UNICAST, "TCP"),
        port("unicast-udp", PairPorts.UNICAST, "UDP"));
  }

  private static List<VolumeMount> mounts(CachedServicePair pair) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(new VolumeMountBuilder().withName(DATA_VOLUME).withMountPath("/data").build());
    mounts.add(new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build());
    if (clusterTlsSecret(pair) != null) {
      mounts.add(
          new VolumeMountBuilder()
              .withName(CLUSTER_TLS_VOLUME)
              .withMountPath(CLUSTER_TLS_PATH)
              .withReadOnly(true)
              .build());
    }
    return mounts;
  }

  private static String clusterTlsSecret(CachedServicePair pair) {
    SecuritySpec security = pair.getSpec().getSecurity();
    return security == null ? null : security.getClusterTlsSecret();
  }

  private static List<Volume> volumes(CachedServicePair pair, ServiceSpec service) {
    List<Volume> volumes = new ArrayList<>(volumes(service));
    String secret = clusterTlsSecret(pair);
    if (secret != null) {
      // group-readable: the pod's fsGroup owns the files, the key is never world-readable
      volumes.add(
          new VolumeBuilder()
              .withName(CLUSTER_TLS_VOLUME)
              .withNewSecret()
              .withSecretName(secret)
              .withDefaultMode(0440)
              .endSecret()
              .build());
    }
    return volumes;
  }

  private static List<Volume> volumes(ServiceSpec service) {
    String claim = service.embeddedClaimName();
    Volume data =
        claim == null
            ? new VolumeBuilder().withName(DATA_VOLUME).withNewEmptyDir().endEmptyDir().build()
            : new VolumeBuilder()
                .withName(DATA_VOLUME)
                .withNewPersistentVolumeClaim()
                .withClaimName(claim)
                .endPersistentVolumeClaim()
                .build();
    Volume tmp = new VolumeBuilder().withName(TMP_VOLUME).withNewEmptyDir().endEmptyDir().build();
    return List.of(data, tmp);
  }

  private static ContainerPort port(String name, int port, String protocol) {
    return new ContainerPortBuilder()
        .withName(name)
        .withContainerPort(port)
        .withProtocol(protocol)
        .build();
  }

  private static EnvVar value(String name, Object value) {
    return new EnvVarBuilder().withName(name).withValue(String.valueOf(value)).build();
  }

  private static EnvVar field(String name, String fieldPath) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(fieldPath)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static EnvVar secretKey(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }
}
