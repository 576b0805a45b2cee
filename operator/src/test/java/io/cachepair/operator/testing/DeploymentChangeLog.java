package io.cachepair.operator.testing;

import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records, in the order the API server saw them, the changes of Deployments that a rollout makes: a
 * new pod template (revision annotation) or new replicas; status writes are not changes.
 */
public final class DeploymentChangeLog implements AutoCloseable {

  private final List<String> changes = new CopyOnWriteArrayList<>();
  private final SharedIndexInformer<Deployment> informer;

  private DeploymentChangeLog(KubernetesClient client, String namespace) {
    // inform() returns once the initial list is in: Deployments that exist now are the baseline
    this.informer =
        client
            .apps()
            .deployments()
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Deployment d) {}

                  @Override
                  public void onUpdate(Deployment before, Deployment after) {
                    record(before, after);
                  }

                  @Override
                  public void onDelete(Deployment d, boolean unknown) {}
                });
  }

  /** Starts recording changes of the Deployments in {@code namespace} from now on. */
  public static DeploymentChangeLog start(KubernetesClient client, String namespace) {
    return new DeploymentChangeLog(client, namespace);
  }

  /**
   * The changes so far, e.g. {@code "food-order template"} or {@code "food-menu template, replicas
   * 0->2"}.
   */
  public List<String> changes() {
    return List.copyOf(changes);
  }

  private void record(Deployment before, Deployment after) {
    List<String> parts = new ArrayList<>();
    if (!Objects.equals(revision(before), revision(after))) {
      parts.add("template");
    }
    Integer from = before.getSpec().getReplicas();
    Integer to = after.getSpec().getReplicas();
    if (!Objects.equals(from, to)) {
      parts.add("replicas " + from + "->" + to);
    }
    if (!parts.isEmpty()) {
      changes.add(after.getMetadata().getName() + " " + String.join(", ", parts));
    }
  }

  private static String revision(Deployment d) {
    return d.getMetadata().getAnnotations().get(DeploymentBlueprint.REVISION_ANNOTATION);
  }

  @Override
  public void close() {
    informer.close();
  }
}
