package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a cluster needs of a pod that the operator cannot know: scheduling, pull secrets, extra
 * volumes, the security context a platform assigns; merged into the operator's pod template by
 * name, the user's entry winning.
 */
public class PodSpecOverrides {

  @JsonPropertyDescription("Extra pod annotations (the operator's own keep their values).")
  private Map<String, String> annotations = new LinkedHashMap<>();

  @JsonPropertyDescription("nodeSelector of the pods.")
  private Map<String, String> nodeSelector = new LinkedHashMap<>();

  @JsonPropertyDescription("Tolerations of the pods.")
  private List<Toleration> tolerations = new ArrayList<>();

  @JsonPropertyDescription("Affinity of the pods.")
  private Affinity affinity;

  @JsonPropertyDescription(
      "Topology spread constraints; when set they replace the operator's (spread over"
          + " kubernetes.io/hostname, ScheduleAnyway).")
  private List<TopologySpreadConstraint> topologySpreadConstraints = new ArrayList<>();

  @JsonPropertyDescription("Image pull secrets, merged with none of the operator's.")
  private List<LocalObjectReference> imagePullSecrets = new ArrayList<>();

  @JsonPropertyDescription(
      "Extra volumes, merged by name: one named data or tmp replaces the operator's.")
  private List<Volume> volumes = new ArrayList<>();

  @JsonPropertyDescription(
      "Extra volume mounts of the service container, merged by mountPath-independent name.")
  private List<VolumeMount> volumeMounts = new ArrayList<>();

  @JsonPropertyDescription(
      "Pod security context replacing the operator's (runAsUser/runAsGroup/fsGroup 10001,"
          + " runAsNonRoot, RuntimeDefault seccomp). On OpenShift give one without runAsUser,"
          + " runAsGroup and fsGroup so the platform assigns them.")
  private PodSecurityContext securityContext;

  @JsonPropertyDescription(
      "Container security context replacing the operator's (no privilege escalation, all"
          + " capabilities dropped).")
  private SecurityContext containerSecurityContext;

  @JsonPropertyDescription(
      "Seconds between SIGTERM and SIGKILL; must cover preStopSleepSeconds, Spring's graceful"
          + " shutdown (20 s) and the Coherence member leaving the cluster.")
  @Min(10)
  private Long terminationGracePeriodSeconds;

  @JsonPropertyDescription(
      "Seconds the preStop hook waits before SIGTERM, so endpoints stop routing to the pod"
          + " before it shuts down.")
  @Min(0)
  @Max(120)
  private Integer preStopSleepSeconds;

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public Affinity getAffinity() {
    return affinity;
  }

  public void setAffinity(Affinity affinity) {
    this.affinity = affinity;
  }

  public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
    return topologySpreadConstraints;
  }

  public void setTopologySpreadConstraints(
      List<TopologySpreadConstraint> topologySpreadConstraints) {
    this.topologySpreadConstraints = topologySpreadConstraints;
  }

  public List<LocalObjectReference> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets;
  }

  public List<Volume> getVolumes() {
    return volumes;
  }

  public void setVolumes(List<Volume> volumes) {
    this.volumes = volumes;
  }

  public List<VolumeMount> getVolumeMounts() {
    return volumeMounts;
  }

  public void setVolumeMounts(List<VolumeMount> volumeMounts) {
    this.volumeMounts = volumeMounts;
  }

  public PodSecurityContext getSecurityContext() {
    return securityContext;
  }

  public void setSecurityContext(PodSecurityContext securityContext) {
    this.securityContext = securityContext;
  }

  public SecurityContext getContainerSecurityContext() {
    return containerSecurityContext;
  }

  public void setContainerSecurityContext(SecurityContext containerSecurityContext) {
    this.containerSecurityContext = containerSecurityContext;
  }

  public Long getTerminationGracePeriodSeconds() {
    return terminationGracePeriodSeconds;
  }

  public void setTerminationGracePeriodSeconds(Long terminationGracePeriodSeconds) {
    this.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
  }

  public Integer getPreStopSleepSeconds() {
    return preStopSleepSeconds;
  }

  public void setPreStopSleepSeconds(Integer preStopSleepSeconds) {
    this.preStopSleepSeconds = preStopSleepSeconds;
  }
}
