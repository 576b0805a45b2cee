package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.SecuritySpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Admits exactly what members use: the Coherence cluster and unicast ports only between the pair's
 * own pods (TCP; UDP too on a cluster without TLS, where TCMP also speaks UDP), so no other
 * workload can join or read the cluster; the API port to clients; the management port (probes'
 * endpoints, metrics, the safety endpoint, the write pause) only from the operator's pods and from
 * the namespaces named for scraping. The kubelet's probes come from the node, which a NetworkPolicy
 * does not filter.
 */
public class CoherenceNetworkPolicyDependent
    extends CRUDKubernetesDependentResource<NetworkPolicy, CachedServicePair> {

  /** Label every namespace carries with its own name (Kubernetes 1.21+). */
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  public CoherenceNetworkPolicyDependent() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(CachedServicePair pair, Context<CachedServicePair> context) {
    return desired(pair, Rendering.of(context));
  }

  /** The desired policy. */
  public static NetworkPolicy desired(CachedServicePair pair, Rendering rendering) {
    List<NetworkPolicyPeer> management = new ArrayList<>();
    management.add(
        new NetworkPolicyPeerBuilder()
            .withNamespaceSelector(
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, rendering.operatorNamespace()))
                    .build())
            .withPodSelector(
                new LabelSelectorBuilder()
                    .withMatchLabels(Map.of(PairLabels.NAME, Rendering.OPERATOR_POD_NAME))
                    .build())
            .build());
    for (String namespace : pair.getSpec().monitoringOrDefault().getScrapeNamespaces()) {
      management.add(
          new NetworkPolicyPeerBuilder()
              .withNamespaceSelector(
                  new LabelSelectorBuilder()
                      .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, namespace))
                      .build())
              .build());
    }
    return new NetworkPolicyBuilder()
        .withNewMetadata()
        .withName(PairNames.networkPolicy(pair))
        .withNamespace(pair.getMetadata().getNamespace())
        .withLabels(PairLabels.forPair(pair, "network-policy"))
        .endMetadata()
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(PairLabels.pairSelector(pair))
        .endPodSelector()
        .withPolicyTypes("Ingress")
        .addNewIngress()
        .addNewFrom()
        .withNewPodSelector()
        .withMatchLabels(PairLabels.pairSelector(pair))
        .endPodSelector()
        .endFrom()
        .withPorts(coherencePorts(pair))
        .endIngress()
        .addNewIngress()
        .withPorts(port(PairPorts.HTTP, "TCP"))
        .endIngress()
        .addNewIngress()
        .withFrom(management)
        .withPorts(port(PairPorts.MANAGEMENT, "TCP"))
        .endIngress()
        .endSpec()
        .build();
  }

  /**
   * The ports members reach each other on; what the real jar binds is checked by a test. On a TLS
   * cluster TCMP runs over TLS on TCP alone and binds no UDP socket, so opening UDP would only
   * widen the policy.
   */
  static List<NetworkPolicyPort> coherencePorts(CachedServicePair pair) {
    SecuritySpec security = pair.getSpec().getSecurity();
    if (security != null && security.getClusterTlsSecret() != null) {
      return List.of(port(PairPorts.CLUSTER, "TCP"), port(PairPorts.UNICAST, "TCP"));
    }
    return List.of(
        port(PairPorts.CLUSTER, "TCP"),
        port(PairPorts.CLUSTER, "UDP"),
        port(PairPorts.UNICAST, "TCP"),
        port(PairPorts.UNICAST, "UDP"));
  }

  private static NetworkPolicyPort port(int port, String protocol) {
    return new NetworkPolicyPortBuilder()
        .withPort(new IntOrString(port))
        .withProtocol(protocol)
        .build();
  }
}
