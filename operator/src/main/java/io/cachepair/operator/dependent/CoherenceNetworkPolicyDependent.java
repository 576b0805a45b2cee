package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import java.util.List;

/**
 * Admits Coherence traffic (cluster port and the pinned unicast port, TCP and UDP) only between the
 * pair's own pods, so no other workload can join or read the cluster, while HTTP stays open to
 * clients, the operator's safety check and the kubelet's probes.
 */
public class CoherenceNetworkPolicyDependent
    extends CRUDKubernetesDependentResource<NetworkPolicy, CachedServicePair> {

  public CoherenceNetworkPolicyDependent() {
    super(NetworkPolicy.class);
  }

  @Override
  protected NetworkPolicy desired(CachedServicePair pair, Context<CachedServicePair> context) {
    return desired(pair);
  }

  /** The desired policy. */
  public static NetworkPolicy desired(CachedServicePair pair) {
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
        .withPorts(coherencePorts())
        .endIngress()
        .addNewIngress()
        .withPorts(port(PairPorts.HTTP, "TCP"))
        .endIngress()
        .endSpec()
        .build();
  }

  private static List<NetworkPolicyPort> coherencePorts() {
    return List.of(
        port(PairPorts.CLUSTER, "TCP"),
        port(PairPorts.CLUSTER, "UDP"),
        port(PairPorts.UNICAST, "TCP"),
        port(PairPorts.UNICAST, "UDP"),
        port(PairPorts.COHERENCE_HEALTH, "TCP"));
  }

  private static NetworkPolicyPort port(int port, String protocol) {
    return new NetworkPolicyPortBuilder()
        .withPort(new IntOrString(port))
        .withProtocol(protocol)
        .build();
  }
}
