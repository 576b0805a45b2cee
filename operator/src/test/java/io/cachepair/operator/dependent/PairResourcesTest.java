package io.cachepair.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.MonitoringSpec;
import io.cachepair.operator.api.v1alpha1.SecuritySpec;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** desired() of the Services, the PDB and the NetworkPolicy. */
class PairResourcesTest {

  private final CachedServicePair pair = Pairs.minimal("food");

  @Test
  void wkaService_isHeadless_publishesNotReadyPods_selectsBothServices() {
    Service wka = WkaServiceDependent.desired(pair);

    assertThat(wka.getMetadata().getName()).isEqualTo("food-wka");
    assertThat(wka.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(wka.getSpec().getPublishNotReadyAddresses()).isTrue();
    for (ServiceRole role : ServiceRole.values()) {
      assertThat(PairLabels.forService(pair, role))
          .containsAllEntriesOf(wka.getSpec().getSelector());
    }
  }

  @Test
  void clientService_routesHttpToOneServiceOnly() {
    Service menu = ClientServiceDependent.desired(pair, ServiceRole.MENU);

    assertThat(menu.getMetadata().getName()).isEqualTo("food-menu");
    assertThat(menu.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(menu.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
    assertThat(PairLabels.forService(pair, ServiceRole.ORDER))
        .doesNotContainEntry(
            "app.kubernetes.io/name", menu.getSpec().getSelector().get("app.kubernetes.io/name"));
  }

  @Test
  void disruptionBudget_isOneOverAllPairPods_withMaxUnavailableOne() {
    PodDisruptionBudget pdb = PairDisruptionBudgetDependent.desired(pair);

    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getMinAvailable()).isNull();
    for (ServiceRole role : ServiceRole.values()) {
      assertThat(PairLabels.forService(pair, role))
          .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }
  }

  @Test
  void networkPolicy_coherenceFromPairPods_apiFromAnyone_managementFromOperatorAndScrapers() {
    pair.getSpec().setMonitoring(new MonitoringSpec());
    pair.getSpec().getMonitoring().getScrapeNamespaces().add("monitoring");

    NetworkPolicy policy =
        CoherenceNetworkPolicyDependent.desired(pair, new Rendering("cachepair-system"));

    var ingress = policy.getSpec().getIngress();
    assertThat(ingress).hasSize(3);
    var coherence = ingress.get(0);
    assertThat(coherence.getFrom())
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getPodSelector().getMatchLabels())
                    .isEqualTo(PairLabels.pairSelector(pair)));
    assertThat(coherence.getPorts())
        .extracting(NetworkPolicyPort::getProtocol, p -> p.getPort().getIntVal())
        .containsExactlyInAnyOrder(
            tuple("TCP", 7574), tuple("UDP", 7574), tuple("TCP", 7575), tuple("UDP", 7575));
    var api = ingress.get(1);
    assertThat(api.getFrom()).isNullOrEmpty();
    assertThat(api.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(8080);
    var management = ingress.get(2);
    assertThat(management.getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsExactly(9080);
    assertThat(management.getFrom())
        .extracting(
            p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"),
            p -> p.getPodSelector() == null ? null : p.getPodSelector().getMatchLabels())
        .containsExactly(
            tuple("cachepair-system", Map.of("app.kubernetes.io/name", "cachepair-operator")),
            tuple("monitoring", null));
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(PairLabels.pairSelector(pair));
  }

  @Test
  void networkPolicy_onATlsCluster_opensTheCoherencePortsForTcpOnly() {
    SecuritySpec security = new SecuritySpec();
    security.setClusterTlsSecret("food-cluster-tls");
    pair.getSpec().setSecurity(security);

    NetworkPolicy policy =
        CoherenceNetworkPolicyDependent.desired(pair, new Rendering("cachepair-system"));

    assertThat(policy.getSpec().getIngress().get(0).getPorts())
        .extracting(NetworkPolicyPort::getProtocol, p -> p.getPort().getIntVal())
        .containsExactlyInAnyOrder(tuple("TCP", 7574), tuple("TCP", 7575));
  }
}
