package io.cachepair.operator;

import static io.cachepair.operator.testing.FoodPair.MENU;
import static io.cachepair.operator.testing.FoodPair.NAMESPACE;
import static io.cachepair.operator.testing.FoodPair.ORDER;
import static io.cachepair.operator.testing.FoodPair.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.PairCondition;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.testing.CountingClock;
import io.cachepair.operator.testing.DeploymentControllerSim;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.FoodPair;
import io.cachepair.operator.testing.OperatorOnMock;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
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
class CachedServicePairReconcilerIT {

  KubernetesMockServer server;
  KubernetesClient client;

  private final FakeMembers safety = new FakeMembers(pod -> this.deployments.contractOf(pod));
  private final CountingClock clock = new CountingClock();
  private OperatorOnMock operator;
  private DeploymentControllerSim deployments;
  private FoodPair food;

  @BeforeEach
  void startOperator() {
    OperatorOnMock.installCrd(client);
    deployments = DeploymentControllerSim.start(client, NAMESPACE);
    operator = OperatorOnMock.start(client, NAMESPACE, safety, clock);
    food = new FoodPair(client);
  }

  @AfterEach
  void stopOperator() throws InterruptedException {
    deployments.close();
    operator.close();
  }

  @Test
  void apply_foodDeliveryExample_createsWkaServiceDeploymentsOnePdbAndNetworkPolicy() {
    food.create();

    food.awaitDeployments();

    Service wka = client.services().inNamespace(NAMESPACE).withName("food-wka").get();
    assertThat(wka.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(wka.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(wka.getSpec().getSelector()).doesNotContainKey("app.kubernetes.io/name");
    assertThat(client.services().inNamespace(NAMESPACE).withName(MENU).get()).isNotNull();
    assertThat(client.services().inNamespace(NAMESPACE).withName(ORDER).get()).isNotNull();

    List<PodDisruptionBudget> budgets =
        client.policy().v1().podDisruptionBudget().inNamespace(NAMESPACE).list().getItems();
    assertThat(budgets).hasSize(1);
    assertThat(budgets.get(0).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    List<NetworkPolicy> policies =
        client.network().v1().networkPolicies().inNamespace(NAMESPACE).list().getItems();
    assertThat(policies).hasSize(1);

    for (String name : List.of(MENU, ORDER)) {
      Deployment d = food.deployment(name);
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
    assertThat(food.deployment(MENU).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void status_walksPendingPreloadingReady_thenDegradedWhenMenuHasZeroReady_andBack() {
    food.create();
    food.awaitPhase(PairPhase.Pending);

    food.awaitDeployments();
    deployments.startPods(MENU);
    deployments.startPods(ORDER);
    food.awaitPhase(PairPhase.Preloading);
    assertThat(food.condition(PairCondition.READY).getStatus()).isEqualTo("False");
    assertThat(food.condition(PairCondition.PROGRESSING).getStatus()).isEqualTo("True");

    deployments.makeReady(MENU);
    deployments.makeReady(ORDER);
    food.awaitPhase(PairPhase.Ready);
    assertThat(food.get().getStatus().getMenu().getReady()).isEqualTo("2/2");
    assertThat(food.get().getStatus().getSchema()).isEqualTo("1");
    String readySince = food.condition(PairCondition.READY).getLastTransitionTime();

    deployments.setReady(MENU, 0);
    food.awaitPhase(PairPhase.Degraded);
    PairCondition degraded = food.condition(PairCondition.DEGRADED);
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getMessage()).contains("orders continue from the cache");

    deployments.makeReady(MENU);
    food.awaitPhase(PairPhase.Ready);
    assertThat(food.condition(PairCondition.DEGRADED).getStatus()).isEqualTo("False");
    assertThat(food.condition(PairCondition.READY).getLastTransitionTime())
        .isGreaterThanOrEqualTo(readySince);
  }

  @Test
  void rollout_bothImagesChange_updatesOrderThenMenu_oneDeploymentAtATime() {
    food.create();
    food.awaitDeployments();
    deployments.makeReady(MENU);
    deployments.makeReady(ORDER);
    food.awaitPhase(PairPhase.Ready);

    food.edit(
        p -> {
          p.getSpec().getMenu().setImage("cachepair/menu-service:0.2.0");
          p.getSpec().getOrder().setImage("cachepair/order-service:0.2.0");
          p.getSpec().getRollout().setPauseBetweenSteps("PT0S");
        });

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(food.image(ORDER)).isEqualTo("cachepair/order-service:0.2.0"));
    food.awaitPhase(PairPhase.RollingOut);
    // order's new pod is not ready yet: menu must keep its template
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(food.image(MENU)).isEqualTo("cachepair/menu-service:0.1.0-SNAPSHOT"));
    assertThat(food.get().getStatus().getRollout().getSteps())
        .extracting(s -> s.getService().id() + ":" + s.getState())
        .containsExactly("order:" + StepState.InProgress, "menu:" + StepState.Pending);

    deployments.makeReady(ORDER);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(food.image(MENU)).isEqualTo("cachepair/menu-service:0.2.0"));
    deployments.makeReady(MENU);
    food.awaitPhase(PairPhase.Ready);
    assertThat(food.get().getStatus().getRollout()).isNull();

    String metrics = operator.scrape();
    System.out.println("operator metrics after the rollout:");
    metrics
        .lines()
        .filter(l -> l.startsWith("cachepair_operator") || l.startsWith("operator_sdk"))
        .forEach(l -> System.out.println("  " + l));
    assertThat(metrics)
        .contains("cachepair_operator_decisions_total{reason=\"StepStarted\",type=\"Normal\"} 2")
        .contains(
            "cachepair_operator_decisions_total{reason=\"RolloutCompleted\",type=\"Normal\"} 1")
        .contains("cachepair_operator_member_probe_seconds_count")
        .contains("operator_sdk_reconciliations_started_total");
  }

  @Test
  void rollout_pairNotNodeSafe_waitsWithReasonInStatus_thenProceeds() {
    food.create();
    food.awaitDeployments();
    deployments.autoReady(MENU);
    deployments.autoReady(ORDER);
    food.awaitPhase(PairPhase.Ready);
    safety.report("ENDANGERED");

    food.edit(p -> p.getSpec().getMenu().setImage("cachepair/menu-service:0.2.0"));

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(food.get().getStatus().getRollout())
                    .isNotNull()
                    .extracting(r -> r.getWaitingFor())
                    .asString()
                    .contains("NODE_SAFE")
                    .contains("ENDANGERED"));
    assertThat(food.image(MENU)).isEqualTo("cachepair/menu-service:0.1.0-SNAPSHOT");

    safety.report("MACHINE_SAFE");
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(food.image(MENU)).isEqualTo("cachepair/menu-service:0.2.0"));
    food.awaitPhase(PairPhase.Ready);
  }

  @Test
  void reconcile_unchangedPair_makesNoMutatingApiCall() throws InterruptedException {
    food.create();
    food.awaitDeployments();
    deployments.autoReady(MENU);
    deployments.autoReady(ORDER);
    food.awaitPhase(PairPhase.Ready);
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
}
