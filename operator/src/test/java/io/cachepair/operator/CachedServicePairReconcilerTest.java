package io.cachepair.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.PairCondition;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.rollout.RolloutCoordinator;
import io.cachepair.operator.rollout.SequentialRolloutPlanner;
import io.cachepair.operator.status.StatusAggregator;
import io.cachepair.operator.testing.CountingClock;
import io.cachepair.operator.testing.DeploymentControllerSim;
import io.cachepair.operator.testing.Pairs;
import io.cachepair.operator.testing.ScriptedSafetyProbe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler against the fabric8 mock API server in CRUD mode, with the example pair and a
 * simulated Deployment controller.
 */
@EnableKubernetesMockClient(crud = true)
class CachedServicePairReconcilerTest {

  private static final String NS = "default";
  private static final String MENU = "food-menu";
  private static final String ORDER = "food-order";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  KubernetesMockServer server;
  KubernetesClient client;

  private final ScriptedSafetyProbe safety = new ScriptedSafetyProbe();
  private final CountingClock clock = new CountingClock();
  private Operator operator;
  private DeploymentControllerSim deployments;

  @BeforeEach
  void startOperator() {
    // The CRD tells the CRUD mock that status is a subresource of the custom resource.
    client.resource(Pairs.crd()).create();
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withUseSSAToPatchPrimaryResource(false));
    operator.register(
        new CachedServicePairReconciler(
            new RolloutCoordinator(new SequentialRolloutPlanner(), safety, Duration.ofMillis(300)),
            new StatusAggregator(),
            clock),
        c -> c.settingNamespace(NS));
    operator.start();
    deployments = DeploymentControllerSim.start(client, NS);
  }

  @AfterEach
  void stopOperator() throws InterruptedException {
    deployments.close();
    operator.stop();
  }

  @Test
  void apply_foodDeliveryExample_createsWkaServiceDeploymentsOnePdbAndNetworkPolicy() {
    client.resource(Pairs.foodDelivery()).create();

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(MENU)).isNotNull());
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(ORDER)).isNotNull());

    Service wka = client.services().inNamespace(NS).withName("food-wka").get();
    assertThat(wka.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(wka.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(wka.getSpec().getSelector()).doesNotContainKey("app.kubernetes.io/name");
    assertThat(client.services().inNamespace(NS).withName(MENU).get()).isNotNull();
    assertThat(client.services().inNamespace(NS).withName(ORDER).get()).isNotNull();

    List<PodDisruptionBudget> budgets =
        client.policy().v1().podDisruptionBudget().inNamespace(NS).list().getItems();
    assertThat(budgets).hasSize(1);
    assertThat(budgets.get(0).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    List<NetworkPolicy> policies =
        client.network().v1().networkPolicies().inNamespace(NS).list().getItems();
    assertThat(policies).hasSize(1);

    for (String name : List.of(MENU, ORDER)) {
      Deployment d = deployment(name);
      assertThat(d.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(o -> assertThat(o.getKind()).isEqualTo("CachedServicePair"));
      assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
          .isZero();
      assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal())
          .isEqualTo(1);
      var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertThat(container.getReadinessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/readiness");
      assertThat(container.getLivenessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/liveness");
      // PT5M preload + 2 min JVM start, probed every 10 s
      assertThat(container.getStartupProbe().getFailureThreshold()).isEqualTo(42);
      assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
          .isEqualTo(60L);
      // every pod label of both services matches the one PDB's selector
      assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(budgets.get(0).getSpec().getSelector().getMatchLabels());
    }
    assertThat(deployment(MENU).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void status_walksPendingPreloadingReady_thenDegradedWhenMenuHasZeroReady_andBack() {
    client.resource(Pairs.foodDelivery()).create();
    awaitPhase(PairPhase.Pending);

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(ORDER)).isNotNull());
    deployments.startPods(MENU);
    deployments.startPods(ORDER);
    awaitPhase(PairPhase.Preloading);
    assertThat(condition(PairCondition.READY).getStatus()).isEqualTo("False");
    assertThat(condition(PairCondition.PROGRESSING).getStatus()).isEqualTo("True");

    deployments.makeReady(MENU);
    deployments.makeReady(ORDER);
    awaitPhase(PairPhase.Ready);
    assertThat(pair().getStatus().getMenu().getReady()).isEqualTo("2/2");
    assertThat(pair().getStatus().getSchema()).isEqualTo("1");
    String readySince = condition(PairCondition.READY).getLastTransitionTime();

    deployments.setReady(MENU, 0);
    awaitPhase(PairPhase.Degraded);
    PairCondition degraded = condition(PairCondition.DEGRADED);
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getMessage()).contains("orders continue from the cache");

    deployments.makeReady(MENU);
    awaitPhase(PairPhase.Ready);
    assertThat(condition(PairCondition.DEGRADED).getStatus()).isEqualTo("False");
    assertThat(condition(PairCondition.READY).getLastTransitionTime())
        .isGreaterThanOrEqualTo(readySince);
  }

  @Test
  void rollout_bothImagesChange_updatesOrderThenMenu_oneDeploymentAtATime() {
    client.resource(Pairs.foodDelivery()).create();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(ORDER)).isNotNull());
    deployments.makeReady(MENU);
    deployments.makeReady(ORDER);
    awaitPhase(PairPhase.Ready);

    client
        .resources(CachedServicePair.class)
        .inNamespace(NS)
        .withName("food")
        .edit(
            p -> {
              p.getSpec().getMenu().setImage("cachepair/menu-service:0.2.0");
              p.getSpec().getOrder().setImage("cachepair/order-service:0.2.0");
              p.getSpec().getRollout().setPauseBetweenSteps("PT0S");
              return p;
            });

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(image(ORDER)).isEqualTo("cachepair/order-service:0.2.0"));
    awaitPhase(PairPhase.RollingOut);
    // order's new pod is not ready yet: menu must keep its template
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(image(MENU)).isEqualTo("cachepair/menu-service:0.1.0-SNAPSHOT"));
    assertThat(pair().getStatus().getRollout().getSteps())
        .extracting(s -> s.getService().id() + ":" + s.getState())
        .containsExactly("order:" + StepState.InProgress, "menu:" + StepState.Pending);

    deployments.makeReady(ORDER);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(image(MENU)).isEqualTo("cachepair/menu-service:0.2.0"));
    deployments.makeReady(MENU);
    awaitPhase(PairPhase.Ready);
    assertThat(pair().getStatus().getRollout()).isNull();
  }

  @Test
  void rollout_pairNotNodeSafe_waitsWithReasonInStatus_thenProceeds() {
    client.resource(Pairs.foodDelivery()).create();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(ORDER)).isNotNull());
    deployments.autoReady(MENU);
    deployments.autoReady(ORDER);
    awaitPhase(PairPhase.Ready);
    safety.report("ENDANGERED");

    client
        .resources(CachedServicePair.class)
        .inNamespace(NS)
        .withName("food")
        .edit(
            p -> {
              p.getSpec().getMenu().setImage("cachepair/menu-service:0.2.0");
              return p;
            });

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(pair().getStatus().getRollout())
                    .isNotNull()
                    .extracting(r -> r.getWaitingFor())
                    .asString()
                    .contains("NODE_SAFE")
                    .contains("ENDANGERED"));
    assertThat(image(MENU)).isEqualTo("cachepair/menu-service:0.1.0-SNAPSHOT");

    safety.report("MACHINE_SAFE");
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(image(MENU)).isEqualTo("cachepair/menu-service:0.2.0"));
    awaitPhase(PairPhase.Ready);
  }

  @Test
  void reconcile_unchangedPair_makesNoMutatingApiCall() throws InterruptedException {
    client.resource(Pairs.foodDelivery()).create();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deployment(ORDER)).isNotNull());
    deployments.autoReady(MENU);
    deployments.autoReady(ORDER);
    awaitPhase(PairPhase.Ready);
    // let the passes triggered by the last status writes finish, then forget their requests
    int settledReads = clock.reads();
    await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
    drainRequests();
    int before = Math.max(settledReads, clock.reads());

    deployments.touch(MENU);
    await().atMost(TIMEOUT).until(() -> clock.reads() > before);
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);

    List<String> mutating =
        drainRequests().stream()
            .filter(r -> !DeploymentControllerSim.USER_AGENT.equals(r.getHeader("User-Agent")))
            .filter(r -> Set.of("POST", "PUT", "PATCH", "DELETE").contains(r.getMethod()))
            .map(RecordedRequest::getRequestLine)
            .toList();
    assertThat(mutating).isEmpty();
  }

  private List<RecordedRequest> drainRequests() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      requests.add(r);
    }
    return requests;
  }

  private void awaitPhase(PairPhase phase) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              CachedServicePair pair = pair();
              assertThat(pair.getStatus()).isNotNull();
              assertThat(pair.getStatus().getPhase()).isEqualTo(phase);
            });
  }

  private CachedServicePair pair() {
    return client.resources(CachedServicePair.class).inNamespace(NS).withName("food").get();
  }

  private PairCondition condition(String type) {
    return pair().getStatus().getConditions().stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(NS).withName(name).get();
  }

  private String image(String name) {
    return deployment(name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }
}
