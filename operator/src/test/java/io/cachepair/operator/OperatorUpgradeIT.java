package io.cachepair.operator;

import static io.cachepair.operator.testing.FoodPair.NAMESPACE;
import static io.cachepair.operator.testing.FoodPair.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.PairPhase;
import io.cachepair.operator.api.v1alpha1.StepState;
import io.cachepair.operator.dependent.DeploymentBlueprint;
import io.cachepair.operator.testing.CountingClock;
import io.cachepair.operator.testing.DeploymentChangeLog;
import io.cachepair.operator.testing.DeploymentControllerSim;
import io.cachepair.operator.testing.Events;
import io.cachepair.operator.testing.FakeMembers;
import io.cachepair.operator.testing.OperatorOnMock;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An operator upgrade rolls a pair only when the pod template it renders changes, through the same
 * ordered, gated plan, one pair at a time, with an Event naming the reason; a template-neutral
 * upgrade rolls nothing. The "old operator" is played by rewriting the running templates as an
 * earlier version would have rendered them.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorUpgradeIT {

  private static final List<String> PAIRS = List.of("food", "food-b");

  KubernetesClient client;

  @Test
  void upgrade_templateNeutral_rollsNothing_templateChanged_rollsOnePairAtATimeWithAnEvent()
      throws Exception {
    OperatorOnMock.installCrd(client);
    try (DeploymentControllerSim deployments = DeploymentControllerSim.start(client, NAMESPACE)) {
      FakeMembers members = new FakeMembers(deployments::contractOf);
      OperatorOnMock first = OperatorOnMock.start(client, NAMESPACE, members, new CountingClock());
      for (String name : PAIRS) {
        CachedServicePair pair = Pairs.foodDelivery();
        pair.getMetadata().setName(name);
        pair.getSpec().getRollout().setPauseBetweenSteps("PT0S");
        client.resource(pair).create();
      }
      for (String name : PAIRS) {
        for (String role : List.of("-menu", "-order")) {
          await().atMost(TIMEOUT).until(() -> deployment(name + role) != null);
          deployments.autoReady(name + role);
        }
      }
      awaitReady();
      first.close();

      // the same operator again: a template-neutral upgrade
      try (DeploymentChangeLog changes = DeploymentChangeLog.start(client, NAMESPACE)) {
        OperatorOnMock neutral =
            OperatorOnMock.start(client, NAMESPACE, members, new CountingClock());
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(changes.changes()).isEmpty());
        assertThat(Events.reasons(client, NAMESPACE, "food")).doesNotContain("OperatorUpgrade");
        neutral.close();
      }

      // an older operator rendered other templates; the resources did not change since
      for (String name : PAIRS) {
        for (String role : List.of("-menu", "-order")) {
          client
              .apps()
              .deployments()
              .inNamespace(NAMESPACE)
              .withName(name + role)
              .edit(
                  d -> {
                    d.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations()
                        .put("cachepair.io/rendered-by", "0.0.9");
                    d.getMetadata()
                        .getAnnotations()
                        .put(DeploymentBlueprint.REVISION_ANNOTATION, "older0operator");
                    return d;
                  });
        }
      }
      OperatorOnMock upgraded =
          OperatorOnMock.start(client, NAMESPACE, members, new CountingClock());
      try {
        boolean[] bothRolling = {false};
        await()
            .atMost(TIMEOUT.multipliedBy(2))
            .untilAsserted(
                () -> {
                  long rolling =
                      PAIRS.stream()
                          .filter(
                              n -> {
                                var rollout = get(n).getStatus().getRollout();
                                return rollout != null
                                    && rollout.getSteps().stream()
                                        .anyMatch(s -> s.getState() == StepState.InProgress);
                              })
                          .count();
                  bothRolling[0] |= rolling > 1;
                  for (String name : PAIRS) {
                    assertThat(get(name).getStatus().getRollout()).isNull();
                    assertThat(
                            deployment(name + "-menu")
                                .getSpec()
                                .getTemplate()
                                .getMetadata()
                                .getAnnotations())
                        .doesNotContainKey("cachepair.io/rendered-by");
                  }
                });
        assertThat(bothRolling[0]).as("two pairs rolled at once").isFalse();
        for (String name : PAIRS) {
          assertThat(Events.of(client, NAMESPACE, name))
              .anySatisfy(
                  e -> {
                    assertThat(e.getReason()).isEqualTo("OperatorUpgrade");
                    assertThat(e.getMessage())
                        .contains("renders another pod template for an unchanged resource");
                  });
        }
        assertThat(
                Events.reasons(client, NAMESPACE, "food").contains("OperatorUpgrade")
                    && Events.reasons(client, NAMESPACE, "food-b").contains("OperatorUpgrade"))
            .isTrue();
      } finally {
        upgraded.close();
      }
    }
  }

  private void awaitReady() {
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (String name : PAIRS) {
                assertThat(get(name).getStatus()).isNotNull();
                assertThat(get(name).getStatus().getPhase()).isEqualTo(PairPhase.Ready);
              }
            });
  }

  private CachedServicePair get(String name) {
    return client.resources(CachedServicePair.class).inNamespace(NAMESPACE).withName(name).get();
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace(NAMESPACE).withName(name).get();
  }
}
