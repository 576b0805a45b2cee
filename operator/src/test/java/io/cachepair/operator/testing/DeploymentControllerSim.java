package io.cachepair.operator.testing;

import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays the Deployment controller on the mock API server, which has none: tests say which pods run
 * and are ready, and it writes the matching Deployment status. The mock keeps no status subresource
 * for built-in kinds, so every operator update wipes the status; the simulator watches and writes
 * it again from its own model.
 */
public final class DeploymentControllerSim implements AutoCloseable {

  /** User agent of the simulator's requests, so tests can tell them from the operator's. */
  public static final String USER_AGENT = "deployment-controller-sim";

  private record Pods(String revision, int ready) {}

  private final KubernetesClient client;
  private final String namespace;
  private final Map<String, Pods> pods = new ConcurrentHashMap<>();
  private final Map<String, Boolean> autoReady = new ConcurrentHashMap<>();
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
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
    Deployment d = get(deployment);
    setReady(deployment, d.getSpec().getReplicas());
  }

  /** {@code ready} pods of the current template are ready, no old pod left. */
  public void setReady(String deployment, int ready) {
    Deployment d = get(deployment);
    pods.put(deployment, new Pods(revision(d), ready));
    schedule(deployment);
  }

  /** From now on, every template of this Deployment becomes ready at once. */
  public void autoReady(String deployment) {
    autoReady.put(deployment, true);
    makeReady(deployment);
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

  private Deployment get(String name) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
    if (d == null) {
      throw new IllegalStateException("no Deployment " + name);
    }
    return d;
  }

  private void schedule(String name) {
    writer.submit(() -> reconcile(name));
  }

  private void reconcile(String name) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
    if (d == null) {
      return;
    }
    if (autoReady.getOrDefault(name, false)) {
      pods.put(name, new Pods(revision(d), d.getSpec().getReplicas()));
    }
    Pods running = pods.get(name);
    if (running == null) {
      return; // no pod scheduled yet: the Deployment stays without status, as when Pending
    }
    DeploymentStatus wanted = statusFor(d, running);
    DeploymentStatus current = d.getStatus();
    if (current != null
        && Objects.equals(current.getReplicas(), wanted.getReplicas())
        && Objects.equals(current.getUpdatedReplicas(), wanted.getUpdatedReplicas())
        && Objects.equals(current.getReadyReplicas(), wanted.getReadyReplicas())
        && Objects.equals(current.getObservedGeneration(), wanted.getObservedGeneration())) {
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

  private static DeploymentStatus statusFor(Deployment d, Pods running) {
    int replicas = d.getSpec().getReplicas();
    boolean sameTemplate = Objects.equals(running.revision(), revision(d));
    // maxSurge 1, maxUnavailable 0: one new pod starts next to the old ones, which keep serving.
    int total = sameTemplate ? replicas : Math.max(replicas, running.ready()) + 1;
    int updated = sameTemplate ? replicas : 1;
    int ready = sameTemplate ? Math.min(running.ready(), replicas) : running.ready();
    return new DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(total)
        .withUpdatedReplicas(updated)
        .withReadyReplicas(ready)
        .withAvailableReplicas(ready)
        .build();
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
