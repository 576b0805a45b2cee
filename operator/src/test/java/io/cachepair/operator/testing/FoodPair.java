package io.cachepair.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.PairCondition;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The example pair {@code food} ({@code manifests/examples/food-delivery.yaml}) as the mock API
 * server holds it, with its Deployments, so the operator tests read as what happens to the pair.
 */
public final class FoodPair {

  public static final String NAMESPACE = "default";
  public static final String MENU = "food-menu";
  public static final String ORDER = "food-order";

  /** Bound of every wait for the operator. */
  public static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final KubernetesClient client;

  public FoodPair(KubernetesClient client) {
    this.client = client;
  }

  /** Applies the example. */
  public void create() {
    create(pair -> {});
  }

  /** Applies the example, changed by {@code adjust} first. */
  public void create(Consumer<CachedServicePair> adjust) {
    CachedServicePair pair = Pairs.foodDelivery();
    adjust.accept(pair);
    client.resource(pair).create();
  }

  /** Waits until the operator created both Deployments. */
  public void awaitDeployments() {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(MENU)).isNotNull());
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(ORDER)).isNotNull());
  }

  /** Changes the spec, as {@code kubectl edit} would. */
  public void edit(Consumer<CachedServicePair> change) {
    resource()
        .edit(
            p -> {
              change.accept(p);
              return p;
            });
  }

  public CachedServicePair get() {
    return resource().get();
  }

  public PairCondition condition(String type) {
    return get().getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  public void awaitPhase(PairPhase phase) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              CachedServicePair pair = get();
              assertThat(pair.getStatus()).isNotNull();
              assertThat(pair.getStatus().getPhase()).isEqualTo(phase);
            });
  }

  /** Waits until the plan's steps are in these states, e.g. {@code "order:Complete"}. */
  public void awaitStepStates(String... states) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(get().getStatus().getRollout())
                    .isNotNull()
                    .satisfies(
                        r ->
                            assertThat(r.getSteps())
                                .extracting(s -> s.getService().id() + ":" + s.getState())
                                .containsExactly(states)));
  }

  /** {@code status.rollout.waitingReason}, or {@code null} while there is none. */
  public String waitingReason() {
    CachedServicePair pair = get();
    return pair.getStatus() == null || pair.getStatus().getRollout() == null
        ? null
        : pair.getStatus().getRollout().getWaitingReason();
  }

  public Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }

  public String image(String deployment) {
    return deployment(deployment)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  /** The cache schema version in the Deployment's pod template. */
  public String schemaOf(String deployment) {
    return deployment(deployment)
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(DeploymentBlueprint.SCHEMA_VERSION_ANNOTATION);
  }

  /** The revision of the Deployment's pod template. */
  public String revision(String deployment) {
    return deployment(deployment)
        .getMetadata()
        .getAnnotations()
        .get(DeploymentBlueprint.REVISION_ANNOTATION);
  }

  private Resource<CachedServicePair> resource() {
    return client.resources(CachedServicePair.class).inNamespace(NAMESPACE).withName("food");
  }
}
