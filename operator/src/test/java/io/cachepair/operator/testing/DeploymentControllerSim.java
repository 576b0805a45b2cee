package io.cachepair.operator.testing;

import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.probes.MemberPod;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the Deployment controller and the kubelet on the mock API server, which has neither: it
 * creates and removes real Pod objects as a rolling update with {@code maxSurge: 1, maxUnavailable:
 * 0} (or a Recreate) would, marks them ready as the test says, and writes the Deployment status
 * from them. A removed pod first terminates ({@code deletionTimestamp} set, still running, not
 * counted in the Deployment's status, as on a real cluster) and is gone at once, or only when the
 * test releases it after {@link #holdTerminating}.
 *
 * <p>Differs from a real cluster: no ReplicaSets, pods named {@code <deployment>-<revision>-<n>},
 * readiness set by the test instead of probes, pod IPs never contacted.
 */
public final class DeploymentControllerSim implements AutoCloseable {

  /** User agent of the simulator's requests, so tests can tell them from the operator's. */
  public static final String USER_AGENT = "deployment-controller-sim";

  static final String REVISION_LABEL = "pod-template-hash";

  /** The simulated kubelet's finalizer: a deleted pod terminates until the kubelet drops it. */
  static final String KUBELET_FINALIZER = "test.cachepair.io/kubelet";

  private final KubernetesClient client;
  private final String namespace;
  private final Map<String, Integer> readyNew = new ConcurrentHashMap<>();
  private final Map<String, String> readyRevision = new ConcurrentHashMap<>();
  private final Map<String, Boolean> autoReady = new ConcurrentHashMap<>();
  private final Map<String, Boolean> started = new ConcurrentHashMap<>();
  private volatile boolean holdTerminating;
  private final AtomicInteger podCounter = new AtomicInteger();
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
  private final SharedIndexInformer<Deployment> informer;

  private DeploymentControllerSim(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
    this.informer =
        client
            .apps()
            .deployments()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Deployment d) {
                    schedule(d.getMetadata().getName());
                  }

                  @Override
                  public void onUpdate(Deployment oldD, Deployment newD) {
                    schedule(newD.getMetadata().getName());
                  }

                  @Override
                  public void onDelete(Deployment d, boolean unknown) {}
                });
    // the kubelet's own loop: pods whose container exited go away even when no Deployment changes
    writer.scheduleWithFixedDelay(this::sweep, 500, 500, TimeUnit.MILLISECONDS);
  }

  private void sweep() {
    if (holdTerminating) {
      return;
    }
    try {
      for (Pod pod : pods()) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
          finishTermination(pod);
        }
      }
    } catch (RuntimeException e) {
      System.err.println("simulator sweep: " + e);
    }
  }

  /** Starts a simulator with its own client (own user agent) on the same mock server. */
  public static DeploymentControllerSim start(KubernetesClient operatorClient, String namespace) {
    KubernetesClient own =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(operatorClient.getConfiguration())
                    .withUserAgent(USER_AGENT)
                    .build())
            .build();
    return new DeploymentControllerSim(own, namespace);
  }

  /** Pods of the current template run but none is ready yet (preloading). */
  public void startPods(String deployment) {
    setReady(deployment, 0);
  }

  /** Every pod of the current template is ready; a rolling update finishes. */
  public void makeReady(String deployment) {
    setReady(deployment, Integer.MAX_VALUE);
  }

  /** {@code ready} pods of the current template are ready; old pods go as new ones get ready. */
  public void setReady(String deployment, int ready) {
    Deployment d = get(deployment);
    started.put(deployment, true);
    readyNew.put(deployment, ready);
    readyRevision.put(deployment, revision(d));
    schedule(deployment);
  }

  /** From now on, every template of this Deployment becomes ready at once. */
  public void autoReady(String deployment) {
    autoReady.put(deployment, true);
    makeReady(deployment);
  }

  /** Removed pods stay terminating until {@link #releaseTerminating}. */
  public void holdTerminating() {
    holdTerminating = true;
  }

  /** Terminating pods finish (the kubelet saw the container exit) and are gone. */
  public void releaseTerminating() {
    holdTerminating = false;
    writer.submit(
        () -> {
          for (Pod pod : pods()) {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
              finishTermination(pod);
            }
          }
        });
    informer.getStore().list().forEach(d -> schedule(d.getMetadata().getName()));
  }

  /** Pods that are terminating now. */
  public long terminating() {
    return pods().stream().filter(p -> p.getMetadata().getDeletionTimestamp() != null).count();
  }

  /** Rewrites the status with another observed field, which makes the operator reconcile. */
  public void touch(String deployment) {
    writer.submit(
        () ->
            client
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(deployment)
                .editStatus(
                    d -> {
                      DeploymentStatus s = d.getStatus();
                      s.setCollisionCount(Objects.requireNonNullElse(s.getCollisionCount(), 0) + 1);
                      return d;
                    }));
  }

  /** The contract a pod announces: the schema version of the template it was created from. */
  public Integer contractOf(MemberPod member) {
    Pod pod = client.pods().inNamespace(namespace).withName(member.name()).get();
    if (pod == null || pod.getMetadata().getAnnotations() == null) {
      return null;
    }
    String schema =
        pod.getMetadata().getAnnotations().get(DeploymentBlueprint.SCHEMA_VERSION_ANNOTATION);
    return schema == null ? null : Integer.valueOf(schema);
  }

  private Deployment get(String name) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
    if (d == null) {
      throw new IllegalStateException("no Deployment " + name);
    }
    return d;
  }

  private void schedule(String name) {
    writer.submit(
        () -> {
          try {
            reconcile(name);
          } catch (RuntimeException e) {
            System.err.println("simulator: " + name + ": " + e);
          }
        });
  }

  private List<Pod> pods() {
    return client.pods().inNamespace(namespace).list().getItems();
  }

  private void reconcile(String name) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
    if (d == null) {
      return;
    }
    String revision = revision(d);
    int replicas = d.getSpec().getReplicas();
    if (autoReady.getOrDefault(name, false)) {
      started.put(name, true);
      readyNew.put(name, Integer.MAX_VALUE);
      readyRevision.put(name, revision);
    }
    if (!started.getOrDefault(name, false)) {
      return; // no pod scheduled yet: the Deployment stays without status, as when Pending
    }
    if (!revision.equals(readyRevision.get(name))) {
      readyNew.put(name, 0); // a new template: none of its pods is ready yet
      readyRevision.put(name, revision);
    }
    int ready = Math.min(readyNew.getOrDefault(name, 0), replicas);
    List<Pod> mine = new ArrayList<>();
    for (Pod pod : pods()) {
      if (name.equals(pod.getMetadata().getLabels().get("cachepair-sim/deployment"))) {
        mine.add(pod);
      }
    }
    List<Pod> current = new ArrayList<>();
    List<Pod> old = new ArrayList<>();
    for (Pod pod : mine) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        if (!holdTerminating) {
          finishTermination(pod);
        }
      } else if (revision.equals(pod.getMetadata().getLabels().get(REVISION_LABEL))) {
        current.add(pod);
      } else {
        old.add(pod);
      }
    }
    boolean recreate = "Recreate".equals(d.getSpec().getStrategy().getType());
    int wantedNew;
    int wantedOld;
    if (recreate) {
      wantedOld = 0;
      boolean oldGone =
          old.isEmpty()
              && mine.stream().noneMatch(p -> p.getMetadata().getDeletionTimestamp() != null);
      wantedNew = oldGone || !holdTerminating ? replicas : 0;
    } else if (old.isEmpty()) {
      wantedNew = replicas;
      wantedOld = 0;
    } else {
      wantedNew = Math.min(replicas, ready + 1);
      wantedOld = Math.max(0, replicas - ready);
    }
    for (int i = old.size() - 1; i >= wantedOld; i--) {
      terminate(old.get(i));
    }
    for (int i = current.size() - 1; i >= wantedNew; i--) {
      terminate(current.remove(i));
    }
    while (current.size() < wantedNew) {
      current.add(create(d, revision));
    }
    for (int i = 0; i < current.size(); i++) {
      setPodReady(current.get(i), i < ready);
    }
    List<Pod> oldLeft = old.subList(0, Math.min(old.size(), wantedOld));
    int running = current.size() + oldLeft.size();
    int readyCount = Math.min(ready, current.size()) + oldLeft.size();
    DeploymentStatus wanted =
        new DeploymentStatusBuilder()
            .withObservedGeneration(d.getMetadata().getGeneration())
            .withReplicas(running)
            .withUpdatedReplicas(current.size())
            .withReadyReplicas(readyCount)
            .withAvailableReplicas(readyCount)
            .build();
    DeploymentStatus now = d.getStatus();
    if (now != null
        && Objects.equals(now.getReplicas(), wanted.getReplicas())
        && Objects.equals(now.getUpdatedReplicas(), wanted.getUpdatedReplicas())
        && Objects.equals(now.getReadyReplicas(), wanted.getReadyReplicas())
        && Objects.equals(now.getObservedGeneration(), wanted.getObservedGeneration())) {
      return;
    }
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .editStatus(
            latest -> {
              Integer collisions =
                  latest.getStatus() == null ? null : latest.getStatus().getCollisionCount();
              wanted.setCollisionCount(collisions);
              latest.setStatus(wanted);
              return latest;
            });
  }

  private Pod create(Deployment d, String revision) {
    Map<String, String> labels = new HashMap<>(d.getSpec().getTemplate().getMetadata().getLabels());
    labels.put(REVISION_LABEL, revision);
    labels.put("cachepair-sim/deployment", d.getMetadata().getName());
    int n = podCounter.incrementAndGet();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(d.getMetadata().getName() + "-" + revision + "-" + n)
            .withNamespace(namespace)
            .withLabels(labels)
            .withAnnotations(d.getSpec().getTemplate().getMetadata().getAnnotations())
            .withFinalizers(KUBELET_FINALIZER)
            .endMetadata()
            .withSpec(d.getSpec().getTemplate().getSpec())
            .withNewStatus()
            .withPhase("Running")
            .withPodIP("10.244.0." + (n % 250 + 2))
            .addNewCondition()
            .withType("Ready")
            .withStatus("False")
            .endCondition()
            .endStatus()
            .build();
    return client.resource(pod).create();
  }

  private void setPodReady(Pod pod, boolean ready) {
    String status = ready ? "True" : "False";
    boolean same =
        pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && status.equals(c.getStatus()));
    if (!same) {
      client
          .pods()
          .inNamespace(namespace)
          .withName(pod.getMetadata().getName())
          .edit(
              p -> {
                p.getStatus()
                    .getConditions()
                    .forEach(
                        c -> {
                          if ("Ready".equals(c.getType())) {
                            c.setStatus(status);
                          }
                        });
                return p;
              });
    }
  }

  /** Deletes the pod: with the kubelet's finalizer on it, it terminates until released. */
  private void terminate(Pod pod) {
    client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).delete();
    if (!holdTerminating) {
      Pod now = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get();
      if (now != null) {
        finishTermination(now);
      }
    }
  }

  /** The container exited: the kubelet drops its finalizer and the pod is gone. */
  private void finishTermination(Pod pod) {
    var resource = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName());
    try {
      resource.edit(
          p -> {
            p.getMetadata().getFinalizers().remove(KUBELET_FINALIZER);
            return p;
          });
    } catch (RuntimeException e) {
      // gone already, or changed under us: the next sweep looks again
    }
    resource.delete();
  }

  private static String revision(Deployment d) {
    return d.getMetadata().getAnnotations().get(DeploymentBlueprint.REVISION_ANNOTATION);
  }

  @Override
  public void close() throws InterruptedException {
    informer.close();
    writer.shutdown();
    writer.awaitTermination(5, TimeUnit.SECONDS);
    client.close();
  }
}
