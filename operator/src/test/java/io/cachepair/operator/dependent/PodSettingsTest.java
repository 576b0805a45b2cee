package io.cachepair.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.JvmSpec;
import io.cachepair.operator.api.v1alpha1.PodSpecOverrides;
import io.cachepair.operator.api.v1alpha1.ProbeTimings;
import io.cachepair.operator.api.v1alpha1.ProbesSpec;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Production pod settings of the rendered template: shutdown, heap, probes, passthrough. */
class PodSettingsTest {

  private final CachedServicePair pair = Pairs.minimal("food");

  @Test
  void template_preStopWaitsBeforeSigterm_withinTheGracePeriod() {
    Container c = container(pod(ServiceRole.MENU));

    assertThat(c.getLifecycle().getPreStop().getExec().getCommand()).containsExactly("sleep", "10");
    assertThat(pod(ServiceRole.MENU).getTerminationGracePeriodSeconds()).isEqualTo(60L);

    PodSpecOverrides overrides = new PodSpecOverrides();
    overrides.setPreStopSleepSeconds(5);
    overrides.setTerminationGracePeriodSeconds(90L);
    pair.getSpec().getMenu().setPod(overrides);
    assertThat(container(pod(ServiceRole.MENU)).getLifecycle().getPreStop().getExec().getCommand())
        .containsExactly("sleep", "5");
    assertThat(pod(ServiceRole.MENU).getTerminationGracePeriodSeconds()).isEqualTo(90L);
  }

  @Test
  void heap_percentageOfTheMemoryLimit_becomesXmx_andOutOfMemoryExits() {
    pair.getSpec()
        .getMenu()
        .setResources(
            new ResourceRequirementsBuilder()
                .withLimits(Map.of("memory", new Quantity("768Mi")))
                .build());

    assertThat(env(ServiceRole.MENU).get("JAVA_TOOL_OPTIONS"))
        .isEqualTo("-XX:+ExitOnOutOfMemoryError -Xmx384m");

    JvmSpec jvm = new JvmSpec();
    jvm.setHeap("60%");
    pair.getSpec().getMenu().setJvm(jvm);
    assertThat(env(ServiceRole.MENU).get("JAVA_TOOL_OPTIONS")).endsWith("-Xmx460m");

    jvm.setHeap("512m");
    assertThat(env(ServiceRole.MENU).get("JAVA_TOOL_OPTIONS"))
        .isEqualTo("-XX:+ExitOnOutOfMemoryError -Xmx512m");
  }

  @Test
  void heap_percentageWithoutMemoryLimit_isMaxRamPercentage() {
    assertThat(env(ServiceRole.ORDER).get("JAVA_TOOL_OPTIONS"))
        .isEqualTo("-XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=50.0");
  }

  @Test
  void probes_onTheManagementPort_timingsOverridable() {
    ProbeTimings readiness = new ProbeTimings();
    readiness.setPeriodSeconds(2);
    readiness.setTimeoutSeconds(1);
    ProbesSpec probes = new ProbesSpec();
    probes.setReadiness(readiness);
    pair.getSpec().getMenu().setProbes(probes);

    Container c = container(pod(ServiceRole.MENU));

    assertThat(c.getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    assertThat(c.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("management");
    assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(2);
    assertThat(c.getReadinessProbe().getTimeoutSeconds()).isEqualTo(1);
    assertThat(c.getReadinessProbe().getFailureThreshold()).isEqualTo(3);
    assertThat(c.getLivenessProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(c.getPorts())
        .extracting(p -> p.getName() + " " + p.getContainerPort() + "/" + p.getProtocol())
        .containsExactly(
            "http 8080/TCP",
            "management 9080/TCP",
            "cluster 7574/TCP",
            "cluster-udp 7574/UDP",
            "unicast 7575/TCP",
            "unicast-udp 7575/UDP");
  }

  @Test
  void passthrough_schedulingPullSecretsAndVolumes_mergedByName() {
    PodSpecOverrides o = new PodSpecOverrides();
    o.setNodeSelector(Map.of("pool", "cache"));
    o.setTolerations(
        List.of(new TolerationBuilder().withKey("dedicated").withValue("cache").build()));
    o.setImagePullSecrets(List.of(new LocalObjectReference("registry")));
    o.setVolumes(
        List.of(
            new VolumeBuilder()
                .withName("tmp")
                .withNewEmptyDir()
                .withMedium("Memory")
                .endEmptyDir()
                .build(),
            new VolumeBuilder()
                .withName("certs")
                .withNewSecret()
                .withSecretName("tls")
                .endSecret()
                .build()));
    o.setVolumeMounts(
        List.of(new VolumeMountBuilder().withName("certs").withMountPath("/certs").build()));
    pair.getSpec().getOrder().setPod(o);

    PodSpec pod = pod(ServiceRole.ORDER);

    assertThat(pod.getNodeSelector()).containsEntry("pool", "cache");
    assertThat(pod.getTolerations()).extracting(t -> t.getKey()).containsExactly("dedicated");
    assertThat(pod.getImagePullSecrets())
        .extracting(LocalObjectReference::getName)
        .containsExactly("registry");
    assertThat(pod.getVolumes())
        .extracting(Volume::getName)
        .containsExactly("data", "tmp", "certs");
    assertThat(pod.getVolumes().get(1).getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(container(pod).getVolumeMounts())
        .extracting(m -> m.getName() + ":" + m.getMountPath())
        .containsExactly("data:/data", "tmp:/tmp", "certs:/certs");
    assertThat(pod.getTopologySpreadConstraints()).hasSize(1);
  }

  @Test
  void env_userEntriesAfterTheOperators_ownedNamesNeverTwice() {
    pair.getSpec()
        .getMenu()
        .setEnv(
            List.of(
                new EnvVarBuilder().withName("COHERENCE_LOG_LEVEL").withValue("6").build(),
                new EnvVarBuilder().withName("SERVER_PORT").withValue("9999").build()));

    List<EnvVar> env = container(pod(ServiceRole.MENU)).getEnv();

    assertThat(env)
        .filteredOn(e -> e.getName().equals("SERVER_PORT"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).isEqualTo("8080"));
    assertThat(env.get(env.size() - 1).getName()).isEqualTo("COHERENCE_LOG_LEVEL");
  }

  @Test
  void securityContext_overrideReplacesTheOperatorsForOpenShift() {
    PodSpecOverrides o = new PodSpecOverrides();
    o.setSecurityContext(new PodSecurityContextBuilder().withRunAsNonRoot(true).build());
    pair.getSpec().getMenu().setPod(o);

    PodSpec pod = pod(ServiceRole.MENU);

    assertThat(pod.getSecurityContext().getRunAsUser()).isNull();
    assertThat(pod.getSecurityContext().getFsGroup()).isNull();
    assertThat(pod(ServiceRole.ORDER).getSecurityContext().getRunAsUser()).isEqualTo(10001L);
  }

  @Test
  void revision_sameSpec_sameTemplateHash_soANeutralOperatorUpgradeRollsNothing() {
    String first =
        DeploymentBlueprint.revision(DeploymentBlueprint.podTemplate(pair, ServiceRole.MENU));
    String again =
        DeploymentBlueprint.revision(
            DeploymentBlueprint.podTemplate(Pairs.minimal("food"), ServiceRole.MENU));

    assertThat(again).isEqualTo(first);
  }

  private PodSpec pod(ServiceRole role) {
    return DeploymentBlueprint.podTemplate(pair, role).getSpec();
  }

  private static Container container(PodSpec pod) {
    return pod.getContainers().get(0);
  }

  private Map<String, String> env(ServiceRole role) {
    return container(pod(role)).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
