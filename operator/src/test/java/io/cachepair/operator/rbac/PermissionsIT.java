package io.cachepair.operator.rbac;

import static io.cachepair.operator.testing.FoodPair.MENU;
import static io.cachepair.operator.testing.FoodPair.NAMESPACE;
import static io.cachepair.operator.testing.FoodPair.ORDER;
import static io.cachepair.operator.testing.FoodPair.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.CompatibilityMode;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.testing.ApiRequest;
import io.cachepair.operator.testing.CountingClock;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Walks the operator's whole life with leader election on (lease taken, renewed and taken over, a
 * pair created, scaled in, rolled to a new schema and deleted), records every request its clients
 * send, and asserts that the roles in {@code manifests/} grant each one, and that they grant
 * nothing the walk did not use. Server-side apply, which the mock cannot serve, is derived: the
 * production configuration applies dependents and status, which the API server checks as {@code
 * patch}, plus {@code create} when the object is new.
 */
@EnableKubernetesMockClient(crud = true)
class PermissionsIT {

  private static final String LEASE_UPDATE_FOR_JOSDK_CHECK =
      "Role cachepair-operator-leader-election in cachepair-system: update"
          + " coordination.k8s.io/leases";

  KubernetesMockServer server;
  KubernetesClient client;

  @Test
  void operatorLifeWithLeaderElection_usesOnlyWhatManifestsGrant_andAllOfIt() throws Exception {
    OperatorOnMock.installCrd(client);
    ManifestRbac rbac = ManifestRbac.fromManifests();
    SelfRulesReviews.answerFrom(rbac, server);
    FoodPair food = new FoodPair(client);
    List<RecordedRequest> recorded = new ArrayList<>();

    try (DeploymentControllerSim deployments = DeploymentControllerSim.start(client, NAMESPACE)) {
      FakeMembers probe = new FakeMembers(deployments::contractOf);
      OperatorOnMock first = startElecting("operator-a", probe);
      awaitLeader("operator-a");
      String firstRenewal = lease().getSpec().getRenewTime().toString();
      await()
          .atMost(TIMEOUT)
          .until(() -> !lease().getSpec().getRenewTime().toString().equals(firstRenewal));

      food.create();
      food.awaitDeployments();
      deployments.autoReady(MENU);
      deployments.autoReady(ORDER);
      food.awaitPhase(PairPhase.Ready);

      // 3 -> 2 pods lowers the quorum (2 -> 1): a scale-in step and a roll of both services
      food.edit(
          p -> {
            p.getSpec().getMenu().setReplicas(1);
            p.getSpec().getRollout().setPauseBetweenSteps("PT0S");
          });
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> assertThat(food.deployment(MENU).getSpec().getReplicas()).isEqualTo(1));
      food.awaitPhase(PairPhase.Ready);

      food.edit(
          p -> {
            p.getSpec().getCache().setSchemaVersion(2);
            p.getSpec().getCache().setCompatibility(CompatibilityMode.BACKWARD);
            p.getSpec().getMenu().setImage("cachepair/menu-service:0.2.0");
            p.getSpec().getOrder().setImage("cachepair/order-service:0.2.0");
            p.getSpec().getRollout().setPauseBetweenSteps("PT0S");
          });
      await().atMost(TIMEOUT).untilAsserted(() -> assertThat(food.schemaOf(MENU)).isEqualTo("2"));
      food.awaitPhase(PairPhase.Ready);

      first.close();
      OperatorOnMock second = startElecting("operator-b", probe);
      awaitLeader("operator-b");
      client.resource(food.get()).delete();
      await().atMost(TIMEOUT).until(() -> food.get() == null);
      second.close();
    }
    RecordedRequest r;
    while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
      recorded.add(r);
    }

    Set<String> denied = new TreeSet<>();
    Set<String> used = new LinkedHashSet<>();
    for (RecordedRequest request : recorded) {
      if (!String.valueOf(request.getHeader("User-Agent")).startsWith(OperatorOnMock.USER_AGENT)) {
        continue;
      }
      ApiRequest.of(request)
          .ifPresent(
              api -> {
                for (ApiRequest checked : ProductionVerbs.checkedFor(api)) {
                  if (rbac.allows(checked)) {
                    used.addAll(rbac.permissionsUsedBy(checked));
                  } else {
                    denied.add(
                        checked.permission()
                            + "  (recorded: "
                            + api.method()
                            + " "
                            + api.path()
                            + ")");
                  }
                }
              });
    }
    assertThat(denied).as("requests the manifests' roles would deny").isEmpty();
    Set<String> unused = new TreeSet<>(rbac.grantedPermissions());
    unused.removeAll(used);
    // JOSDK refuses to elect unless a SelfSubjectRulesReview shows get, create and update on
    // leases, although fabric8 renews and takes over with PATCH: that update is used by the check.
    unused.remove(LEASE_UPDATE_FOR_JOSDK_CHECK);
    assertThat(unused).as("granted but never used by the operator's life").isEmpty();
  }

  private OperatorOnMock startElecting(String identity, FakeMembers probe) {
    return OperatorOnMock.startElecting(client, NAMESPACE, identity, probe, new CountingClock());
  }

  private void awaitLeader(String identity) {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Lease lease = lease();
              assertThat(lease).isNotNull();
              assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(identity);
            });
  }

  private Lease lease() {
    return client
        .leases()
        .inNamespace(OperatorOnMock.LEASE_NAMESPACE)
        .withName("cachepair-operator")
        .get();
  }
}
