package io.cachepair.operator;

import static io.cachepair.operator.testing.FoodPair.MENU;
import static io.cachepair.operator.testing.FoodPair.NAMESPACE;
import static io.cachepair.operator.testing.FoodPair.ORDER;
import static io.cachepair.operator.testing.FoodPair.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.testing.CountingClock;
import io.cachepair.operator.testing.DeploymentControllerSim;
import io.cachepair.operator.testing.Events;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.FoodPair;
import io.cachepair.operator.testing.OperatorOnMock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gates against pods as the simulated kubelet keeps them: a terminating pod holds the plan,
 * members that do not add up hold it, the pause annotation holds it; each says why in status and in
 * an Event.
 */
@EnableKubernetesMockClient(crud = true)
class RolloutGatesIT {

  private static final Duration HELD = Duration.ofMillis(500);

  KubernetesClient client;

  private final FakeMembers members = new FakeMembers(pod -> this.deployments.contractOf(pod));
  private OperatorOnMock operator;
  private DeploymentControllerSim deployments;
  private FoodPair food;

  @BeforeEach
  void start() {
    OperatorOnMock.installCrd(client);
    deployments = DeploymentControllerSim.start(client, NAMESPACE);
    operator = OperatorOnMock.start(client, NAMESPACE, members, new CountingClock());
    food = new FoodPair(client);
    food.create();
    food.awaitDeployments();
    deployments.makeReady(MENU);
    deployments.makeReady(ORDER);
    food.awaitPhase(PairPhase.Ready);
  }

  @AfterEach
  void stop() throws InterruptedException {
    deployments.close();
    operator.close();
  }

  @Test
  void terminatingOldPod_holdsTheNextStep_untilItIsGone_evenWithNoPauseBetweenSteps() {
    deployments.holdTerminating();
    newImages();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(ORDER)).endsWith(":0.2.0"));
    deployments.makeReady(ORDER);
    // the Deployment says 1/1 updated and ready; the old order pod is still leaving
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var status = food.deployment(ORDER).getStatus();
              assertThat(status).isNotNull();
              assertThat(status.getReadyReplicas()).isEqualTo(1);
              assertThat(status.getReplicas()).isEqualTo(1);
              assertThat(deployments.terminating()).isEqualTo(1);
              assertThat(food.get().getStatus().getRollout().getWaitingFor())
                  .contains("1 terminating");
            });
    heldMenu();
    assertThat(food.get().getStatus().getRollout().getSteps())
        .extracting(s -> s.getService().id() + ":" + s.getState())
        .containsExactly("order:InProgress", "menu:Pending");

    deployments.releaseTerminating();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(MENU)).endsWith(":0.2.0"));
    deployments.makeReady(MENU);
    deployments.releaseTerminating();
    food.awaitPhase(PairPhase.Ready);
  }

  @Test
  void strayMember_aRoleHasMoreMembersThanPods_holdsTheStepWithMembershipMismatch() {
    members.extraMembers(ServiceRole.MENU, 1);
    newImages();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(food.waitingReason()).isEqualTo("MembershipMismatch"));
    assertThat(food.get().getStatus().getRollout().getWaitingFor())
        .contains("2 pods run")
        .contains("sees 3 menu members");
    assertThat(food.image(ORDER)).endsWith("SNAPSHOT");
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(Events.of(client, NAMESPACE, "food"))
                    .anySatisfy(
                        e -> {
                          assertThat(e.getReason()).isEqualTo("MembershipMismatch");
                          assertThat(e.getType()).isEqualTo("Warning");
                        }));

    members.extraMembers(ServiceRole.MENU, 0);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(ORDER)).endsWith(":0.2.0"));
  }

  @Test
  void pauseAnnotation_plansButStartsNoStep_untilRemoved() {
    annotate("true");
    newImages();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(() -> assertThat(food.waitingReason()).isEqualTo("Paused"));
    await()
        .during(HELD)
        .atMost(HELD.multipliedBy(3))
        .untilAsserted(() -> assertThat(food.image(ORDER)).endsWith("SNAPSHOT"));

    annotate(null);
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.image(ORDER)).endsWith(":0.2.0"));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(Events.reasons(client, NAMESPACE, "food"))
                    .containsSubsequence("RolloutPlanned", "Paused", "Resumed", "StepStarted"));
  }

  private void heldMenu() {
    await()
        .during(HELD)
        .atMost(HELD.multipliedBy(3))
        .untilAsserted(() -> assertThat(food.image(MENU)).endsWith("SNAPSHOT"));
  }

  private void newImages() {
    food.edit(
        p -> {
          p.getSpec().getMenu().setImage("cachepair/menu-service:0.2.0");
          p.getSpec().getOrder().setImage("cachepair/order-service:0.2.0");
          p.getSpec().getRollout().setPauseBetweenSteps("PT0S");
        });
  }

  private void annotate(String value) {
    food.edit(
        p -> {
          if (p.getMetadata().getAnnotations() == null) {
            p.getMetadata().setAnnotations(new java.util.HashMap<>());
          }
          if (value == null) {
            p.getMetadata().getAnnotations().remove(CachedServicePair.PAUSED_ANNOTATION);
          } else {
            p.getMetadata()
                .getAnnotations()
                .putAll(Map.of(CachedServicePair.PAUSED_ANNOTATION, value));
          }
        });
  }
}
