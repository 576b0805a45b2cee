package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The headless Service whose DNS name lists every member of both services, ready or not, so that
 * starting members find the cluster before their readiness probe passes.
 */
public class WkaServiceDependent
    extends CRUDKubernetesDependentResource<Service, CachedServicePair> {

  public WkaServiceDependent() {
    super(Service.class);
  }

  @Override
  protected Service desired(CachedServicePair pair, Context<CachedServicePair> context) {
    return desired(pair);
  }

  /** The desired WKA Service. */
  public static Service desired(CachedServicePair pair) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(PairNames.wkaService(pair))
        .withNamespace(pair.getMetadata().getNamespace())
        .withLabels(PairLabels.forPair(pair, "coherence-wka"))
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(true)
        .withSelector(PairLabels.pairSelector(pair))
        .addNewPort()
        .withName("cluster")
        .withPort(PairPorts.CLUSTER)
        .withNewTargetPort(PairPorts.CLUSTER)
        .withProtocol("TCP")
        .endPort()
        // Every member's management port, ready or not, for a ServiceMonitor to scrape
        // (preloading members report their progress too).
        .addNewPort()
        .withName(PairPorts.MANAGEMENT_NAME)
        .withPort(PairPorts.MANAGEMENT)
        .withNewTargetPort(PairPorts.MANAGEMENT)
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(
      CachedServicePair pair, Context<CachedServicePair> context) {
    return new ResourceID(PairNames.wkaService(pair), pair.getMetadata().getNamespace());
  }
}
