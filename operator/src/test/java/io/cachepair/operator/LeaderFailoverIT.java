package io.cachepair.operator;

import static io.cachepair.operator.testing.FoodPair.MENU;
import static io.cachepair.operator.testing.FoodPair.NAMESPACE;
import static io.cachepair.operator.testing.FoodPair.ORDER;
import static io.cachepair.operator.testing.FoodPair.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.rbac.RbacForTests;
import io.cachepair.operator.testing.CountingClock;
import io.cachepair.operator.testing.DeploymentChangeLog;
import io.cachepair.operator.testing.DeploymentControllerSim;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.FoodPair;
import io.cachepair.operator.testing.OperatorOnMock;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two operator instances elect a leader through the Lease; the leader is stopped in the middle of a
 * schema rollout, the standby takes the Lease over and finishes the plan from the pair's status:
 * the step in progress is completed, not restarted, and the next one is started by the new leader.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderFailoverIT {

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void leaderStoppedMidRollout_standbyTakesOver_andFinishesThePlanFromStatus() throws Exception {
    OperatorOnMock.installCrd(client);
    rbacAnswers();
    FoodPair food = new FoodPair(client);
    try (DeploymentControllerSim deployments = DeploymentControllerSim.start(client, NAMESPACE)) {
      FakeMembers members = new FakeMembers(deployments::contractOf);
      OperatorOnMock a =
          OperatorOnMock.startElecting(
              client, NAMESPACE, "operator-a", members, new CountingClock());
      awaitLeader("operator-a");
      OperatorOnMock b =
          OperatorOnMock.startElecting(
              client, NAMESPACE, "operator-b", members, new CountingClock());
      try {
        food.create();
        food.awaitDeployments();
        deployments.makeReady(MENU);
        deployments.makeReady(ORDER);
        food.awaitPhase(PairPhase.Ready);
        try (DeploymentChangeLog changes = DeploymentChangeLog.start(client, NAMESPACE)) {
          food.edit(
              p -> {
                p.getSpec().getCache().setSchemaVersion(2);
                p.getSpec().getCache().setCompatibility(CompatibilityMode.BACKWARD);
                p.getSpec().getMenu().setImage("cachepair/menu-service:0.2.0");
                p.getSpec().getOrder().setImage("cachepair/order-service:0.2.0");
                p.getSpec().getRollout().setPauseBetweenSteps("PT0S");
              });
          food.awaitStepStates("order:InProgress", "menu:Pending");
          String orderStarted =
              food.get().getStatus().getRollout().getSteps().get(0).getStartedAt();
          drain();

          a.close(); // the leader goes away mid-step; its Lease is not renewed any more
          deployments.makeReady(ORDER);
          awaitLeader("operator-b");

          food.awaitStepStates("order:Complete", "menu:InProgress");
          assertThat(food.get().getStatus().getRollout().getSteps().get(0).getStartedAt())
              .isEqualTo(orderStarted);
          deployments.makeReady(MENU);
          food.awaitPhase(PairPhase.Ready);
          assertThat(changes.changes())
              .containsExactly("food-order template", "food-menu template");
          List<String> menuWriters =
              drain().stream()
                  .filter(
                      r ->
                          r.getPath()
                              .startsWith("/apis/apps/v1/namespaces/default/deployments/food-menu"))
                  .filter(r -> List.of("PUT", "PATCH").contains(r.getMethod()))
                  .filter(r -> r.getHeader("User-Agent").startsWith(OperatorOnMock.USER_AGENT))
                  .map(r -> r.getHeader("User-Agent"))
                  .distinct()
                  .toList();
          assertThat(menuWriters).containsExactly(OperatorOnMock.USER_AGENT + "/operator-b");
          assertThat(members.pauseCalls()).last().asString().startsWith("DELETE");
        }
      } finally {
        b.close();
      }
    }
  }

  /** JOSDK checks its Lease permissions before electing; the mock cannot answer, test code does. */
  private void rbacAnswers() throws Exception {
    RbacForTests.answerSelfReviews(server);
  }

  private List<RecordedRequest> drain() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      requests.add(r);
    }
    return requests;
  }

  private void awaitLeader(String identity) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Lease lease =
                  client
                      .leases()
                      .inNamespace(OperatorOnMock.LEASE_NAMESPACE)
                      .withName("cachepair-operator")
                      .get();
              assertThat(lease).isNotNull();
              assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(identity);
            });
  }
}
