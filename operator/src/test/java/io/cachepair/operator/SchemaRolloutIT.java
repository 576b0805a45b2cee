package io.cachepair.operator;

import static io.cachepair.operator.testing.FoodPair.MENU;
import static io.cachepair.operator.testing.FoodPair.NAMESPACE;
import static io.cachepair.operator.testing.FoodPair.ORDER;
import static io.cachepair.operator.testing.FoodPair.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.PairCondition;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.RolloutStatus;
import io.cachepair.operator.api.v1alpha1.RolloutStrategy;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.dependent.StorageQuorum;
import io.cachepair.operator.testing.CountingClock;
import io.cachepair.operator.testing.DeploymentChangeLog;
import io.cachepair.operator.testing.DeploymentControllerSim;
import io.cachepair.operator.testing.Events;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.FoodPair;
import io.cachepair.operator.testing.OperatorOnMock;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cache schema change rolled out by compatibility mode, against the fabric8 mock API server in
 * CRUD mode with a simulated Deployment controller: the order of Deployment changes, the wait for
 * every new pod, the contract check between steps, the blocks, and a restart mid-plan.
 */
@EnableKubernetesMockClient(crud = true)
class SchemaRolloutIT {

  private static final String MENU_V2 = "cachepair/menu-service:0.2.0";
  private static final String ORDER_V2 = "cachepair/order-service:0.2.0";

  /** How long a Deployment must stay untouched to count as held back. */
  private static final Duration HELD = Duration.ofMillis(500);

  KubernetesClient client;

  private final FakeMembers probe = new FakeMembers(pod -> this.deployments.contractOf(pod));
  private OperatorOnMock operator;
  private DeploymentControllerSim deployments;
  private DeploymentChangeLog changes;
  private FoodPair food;

  @BeforeEach
  void startOperator() {
    OperatorOnMock.installCrd(client);
    deployments = DeploymentControllerSim.start(client, NAMESPACE);
    operator = startedOperator();
    food = new FoodPair(client);
  }

  @AfterEach
  void stopOperator() throws InterruptedException {
    if (changes != null) {
      changes.close();
    }
    deployments.close();
    operator.close();
  }

  @Test
  void schemaChange_backward_updatesOrderFirst_menuOnlyOnceEveryNewOrderPodIsReady() {
    readyPair();

    changeSchema(CompatibilityMode.BACKWARD, RolloutStrategy.RollingUpdate);

    firstStepWaitsForEveryPod(ORDER, MENU);
    assertThat(changes.changes()).containsExactly("food-order template", "food-menu template");
    RolloutStatus rollout = food.get().getStatus().getRollout();
    assertThat(rollout.getCompatibility()).isEqualTo(CompatibilityMode.BACKWARD);
    assertThat(rollout.getSteps().get(0).getReportedContractVersion()).isEqualTo(2);
    // decided: BACKWARD rolls menu's own step under a write pause, taken before it starts
    assertThat(rollout.getSteps().get(1).underWritePause()).isTrue();
    assertThat(probe.paused()).isTrue();
    finishSecondStep(MENU);
    assertThat(probe.paused()).isFalse();
    assertThat(probe.pauseCalls()).first().asString().startsWith("POST food-menu-");
    assertThat(probe.pauseCalls()).last().asString().startsWith("DELETE food-menu-");

    // the pass that finishes the plan patches the status first, then records its Events
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(Events.of(client, NAMESPACE, "food"))
                    .extracting(Event::getReason)
                    .contains("RolloutCompleted"));
    List<Event> events = Events.of(client, NAMESPACE, "food");
    System.out.println("Events recorded on csp/food after the BACKWARD rollout:");
    events.forEach(
        e -> System.out.println("  " + e.getType() + " " + e.getReason() + ": " + e.getMessage()));
    assertThat(events)
        .extracting(Event::getReason)
        .containsSubsequence(
            "RolloutPlanned",
            "StepStarted",
            "StepCompleted",
            "WritePauseSet",
            "StepStarted",
            "WritePauseLifted",
            "StepCompleted",
            "RolloutCompleted");
    assertThat(events)
        .filteredOn(e -> e.getReason().equals("StepStarted"))
        .extracting(Event::getMessage)
        .satisfiesExactly(
            m -> assertThat(m).startsWith("step 1/2 order Update, schema 1->2 BACKWARD started"),
            m ->
                assertThat(m)
                    .startsWith("step 2/2 menu Update, schema 1->2 BACKWARD started")
                    .contains("refuses writes"));
    assertThat(events)
        .allSatisfy(e -> assertThat(e.getSource().getComponent()).isEqualTo("cachepair-operator"));
  }

  @Test
  void schemaChange_writePauseRefused_menuStepWaitsWithAWarning_thenGoesOnWhenItIsTaken() {
    readyPair();
    probe.failPauses(true);

    changeSchema(CompatibilityMode.BACKWARD, RolloutStrategy.RollingUpdate);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.schemaOf(ORDER)).isEqualTo("2"));
    deployments.makeReady(ORDER);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(food.waitingReason()).isEqualTo("WritePauseFailed"));
    heldBack(MENU);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(Events.of(client, NAMESPACE, "food"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("WritePauseFailed");
                          assertThat(e.getType()).isEqualTo("Warning");
                          assertThat(e.getMessage())
                              .contains("answered 503 on POST /actuator/writepause");
                        }));

    probe.failPauses(false);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.schemaOf(MENU)).isEqualTo("2"));
    finishSecondStep(MENU);
  }

  @Test
  void schemaChange_forward_updatesMenuFirst_orderOnlyOnceEveryNewMenuPodIsReady() {
    readyPair();

    changeSchema(CompatibilityMode.FORWARD, RolloutStrategy.RollingUpdate);

    firstStepWaitsForEveryPod(MENU, ORDER);
    assertThat(changes.changes()).containsExactly("food-menu template", "food-order template");
    // decided: FORWARD rolls menu first under a write pause, lifted before order's step
    assertThat(probe.paused()).isFalse();
    assertThat(probe.pauseCalls()).first().asString().startsWith("POST food-menu-");
    assertThat(probe.pauseCalls()).last().asString().startsWith("DELETE food-menu-");
    finishSecondStep(ORDER);
  }

  @Test
  void schemaChange_full_updatesOrderThenMenu_oneDeploymentAtATime() {
    readyPair();

    changeSchema(CompatibilityMode.FULL, RolloutStrategy.RollingUpdate);

    firstStepWaitsForEveryPod(ORDER, MENU);
    assertThat(changes.changes()).containsExactly("food-order template", "food-menu template");
    assertThat(food.get().getStatus().getRollout().getCompatibility())
        .isEqualTo(CompatibilityMode.FULL);
    finishSecondStep(MENU);
    // decided: FULL rolls menu with writes flowing
    assertThat(probe.pauseCalls()).isEmpty();
  }

  @Test
  void schemaChange_none_blocksWithIncompatibleSchemaChange_andRollsNothing() {
    readyPair();

    changeSchema(CompatibilityMode.NONE, RolloutStrategy.RollingUpdate);

    food.awaitPhase(PairPhase.Blocked);
    PairCondition degraded = food.condition(PairCondition.DEGRADED);
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo("IncompatibleSchemaChange");
    assertThat(degraded.getMessage()).contains("schema 1->2").contains("Recreate");
    assertThat(food.get().getStatus().getRollout().getSummary())
        .isEqualTo("blocked: IncompatibleSchemaChange, schema 1->2 NONE");
    await()
        .during(HELD)
        .atMost(HELD.multipliedBy(3))
        .untilAsserted(
            () -> {
              assertThat(food.schemaOf(MENU)).isEqualTo("1");
              assertThat(food.schemaOf(ORDER)).isEqualTo("1");
            });
    assertThat(changes.changes()).isEmpty();
  }

  @Test
  void schemaChange_noneWithRecreate_twoMenusTwoOrders_stopsOrderThenMenu_thenStartsBothTogether() {
    // 4 pods: quorum 3, which neither service's 2 pods make alone
    readyPair(p -> p.getSpec().getOrder().setReplicas(2));

    changeSchema(CompatibilityMode.NONE, RolloutStrategy.Recreate);

    // both Deployments come back on the new template before any new pod is ready
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(food.schemaOf(MENU)).isEqualTo("2");
              assertThat(food.schemaOf(ORDER)).isEqualTo("2");
            });
    food.awaitStepStates("order:Complete", "menu:Complete", "menu:InProgress", "order:InProgress");
    List<String> log = changes.changes();
    assertThat(log).hasSize(4);
    assertThat(log.subList(0, 2))
        .containsExactly("food-order replicas 2->0", "food-menu replicas 2->0");
    assertThat(log.subList(2, 4))
        .containsExactlyInAnyOrder(
            "food-menu template, replicas 0->2", "food-order template, replicas 0->2");
    for (String service : List.of(MENU, ORDER)) {
      assertThat(StorageQuorum.inTemplate(food.deployment(service).getSpec().getTemplate()))
          .isEqualTo(3);
    }
    food.awaitPhase(PairPhase.RollingOut);
    assertThat(food.condition(PairCondition.DEGRADED).getReason()).isEqualTo("PlannedDowntime");
    RolloutStatus rollout = food.get().getStatus().getRollout();
    assertThat(rollout.getSummary()).startsWith("3/4 menu Update, schema 1->2 NONE Recreate");
    assertThat(rollout.getWaitingFor())
        .contains("menu-service to roll out")
        .contains("order-service to roll out");

    // the pods of both run (menus preloading, orders waiting for the marker), then get ready
    deployments.startPods(MENU);
    deployments.startPods(ORDER);
    deployments.makeReady(MENU);
    food.awaitStepStates("order:Complete", "menu:Complete", "menu:Complete", "order:InProgress");
    deployments.makeReady(ORDER);
    food.awaitPhase(PairPhase.Ready);
    assertThat(food.get().getStatus().getRollout()).isNull();
    assertThat(changes.changes()).hasSize(4);
    assertThat(probe.reads())
        .as("no safety check in a Recreate plan, no contract check after its last steps")
        .isZero();
    assertThat(Events.of(client, NAMESPACE, "food"))
        .filteredOn(e -> e.getReason().equals("StepStarted"))
        .extracting(Event::getMessage)
        .satisfiesExactly(
            m -> assertThat(m).startsWith("step 1/4 order ScaleDown"),
            m -> assertThat(m).startsWith("step 2/4 menu ScaleDown"),
            m ->
                assertThat(m)
                    .startsWith("step 3/4 menu Update, schema 1->2 NONE Recreate started")
                    .contains("order-service (step 4/4) starts with it"),
            m ->
                assertThat(m)
                    .startsWith("step 4/4 order Update, schema 1->2 NONE Recreate started")
                    .endsWith("together with step 3/4 (menu-service)"));
  }

  @Test
  void schemaChange_newOrderPodsReportOldContract_stopsWithContractMismatch_untilTheImageIsFixed() {
    readyPair();
    probe.reportContract(ServiceRole.ORDER, 1);

    changeSchema(CompatibilityMode.BACKWARD, RolloutStrategy.RollingUpdate);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(ORDER)).isEqualTo(ORDER_V2));
    deployments.makeReady(ORDER);

    food.awaitPhase(PairPhase.Blocked);
    PairCondition degraded = food.condition(PairCondition.DEGRADED);
    assertThat(degraded.getReason()).isEqualTo("ContractMismatch");
    assertThat(degraded.getMessage())
        .contains("order-service pods do not speak contract 2")
        .contains("schema 1->2");
    assertThat(food.get().getStatus().getRollout().getSteps())
        .extracting(s -> s.getService().id() + ":" + s.getState())
        .containsExactly("order:Complete", "menu:Pending");
    heldBack(MENU);
    assertThat(changes.changes()).containsExactly("food-order template");

    // an order image built for contract 2: a new generation, planned again from what runs
    probe.reportContract(ServiceRole.ORDER, 2);
    food.edit(p -> p.getSpec().getOrder().setImage("cachepair/order-service:0.2.1"));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(food.image(ORDER)).isEqualTo("cachepair/order-service:0.2.1"));
    deployments.makeReady(ORDER);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(MENU)).isEqualTo(MENU_V2));
    deployments.makeReady(MENU);
    food.awaitPhase(PairPhase.Ready);
    assertThat(changes.changes())
        .containsExactly("food-order template", "food-order template", "food-menu template");
  }

  @Test
  void schemaChange_operatorRestartedMidPlan_resumesAtMenu_withoutRepeatingOrSkippingAStep() {
    readyPair();
    changeSchema(CompatibilityMode.BACKWARD, RolloutStrategy.RollingUpdate);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(ORDER)).isEqualTo(ORDER_V2));
    food.awaitStepStates("order:InProgress", "menu:Pending");
    String orderStartedAt = food.get().getStatus().getRollout().getSteps().get(0).getStartedAt();

    operator.close();
    // order's new pod gets ready while no operator runs
    deployments.makeReady(ORDER);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(food.deployment(ORDER).getStatus().getReadyReplicas()).isEqualTo(1));
    heldBack(MENU);
    operator = startedOperator();

    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(MENU)).isEqualTo(MENU_V2));
    food.awaitStepStates("order:Complete", "menu:InProgress");
    RolloutStatus rollout = food.get().getStatus().getRollout();
    assertThat(rollout.getSteps().get(0).getStartedAt()).isEqualTo(orderStartedAt);
    assertThat(rollout.getCurrentStep()).isEqualTo(2);
    assertThat(rollout.getSummary()).startsWith("2/2 menu Update, schema 1->2 BACKWARD");
    deployments.makeReady(MENU);
    food.awaitPhase(PairPhase.Ready);
    assertThat(changes.changes()).containsExactly("food-order template", "food-menu template");
  }

  /**
   * The first Deployment gets the new template while the second keeps its own: with new pods not
   * ready, then with some ready, until every new pod is ready; then the second one rolls.
   */
  private void firstStepWaitsForEveryPod(String first, String second) {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.schemaOf(first)).isEqualTo("2"));
    food.awaitPhase(PairPhase.RollingOut);
    String firstRole = first.equals(MENU) ? "menu" : "order";
    String secondRole = second.equals(MENU) ? "menu" : "order";
    food.awaitStepStates(firstRole + ":InProgress", secondRole + ":Pending");
    RolloutStatus rollout = food.get().getStatus().getRollout();
    assertThat(rollout.getFromSchemaVersion()).isEqualTo(1);
    assertThat(rollout.getToSchemaVersion()).isEqualTo(2);
    assertThat(rollout.getCurrentStep()).isEqualTo(1);
    assertThat(rollout.getSummary()).startsWith("1/2 " + firstRole + " Update, schema 1->2");
    heldBack(second);

    deployments.startPods(first); // every pod updated, none ready (preloading)
    heldBack(second);
    int replicas = food.deployment(first).getSpec().getReplicas();
    if (replicas > 1) {
      deployments.setReady(first, replicas - 1);
      heldBack(second);
    }

    deployments.makeReady(first);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.schemaOf(second)).isEqualTo("2"));
    food.awaitStepStates(firstRole + ":Complete", secondRole + ":InProgress");
  }

  private void finishSecondStep(String second) {
    deployments.makeReady(second);
    food.awaitPhase(PairPhase.Ready);
    assertThat(food.get().getStatus().getRollout()).isNull();
    assertThat(food.get().getStatus().getSchema()).isEqualTo("2");
  }

  /** The Deployment keeps the schema-1 template it runs for a while. */
  private void heldBack(String name) {
    String revision = food.revision(name);
    await()
        .during(HELD)
        .atMost(HELD.multipliedBy(3))
        .untilAsserted(
            () -> {
              assertThat(food.schemaOf(name)).isEqualTo("1");
              assertThat(food.revision(name)).isEqualTo(revision);
            });
  }

  private void readyPair() {
    readyPair(pair -> {});
  }

  private void readyPair(Consumer<CachedServicePair> adjust) {
    food.create(adjust);
    food.awaitDeployments();
    deployments.makeReady(MENU);
    deployments.makeReady(ORDER);
    food.awaitPhase(PairPhase.Ready);
    changes = DeploymentChangeLog.start(client, NAMESPACE);
  }

  private void changeSchema(CompatibilityMode mode, RolloutStrategy strategy) {
    food.edit(
        p -> {
          p.getSpec().getCache().setSchemaVersion(2);
          p.getSpec().getCache().setCompatibility(mode);
          p.getSpec().getMenu().setImage(MENU_V2);
          p.getSpec().getOrder().setImage(ORDER_V2);
          p.getSpec().getRollout().setStrategy(strategy);
          p.getSpec().getRollout().setPauseBetweenSteps("PT0S");
        });
  }

  private OperatorOnMock startedOperator() {
    return OperatorOnMock.start(client, NAMESPACE, probe, new CountingClock());
  }
}
