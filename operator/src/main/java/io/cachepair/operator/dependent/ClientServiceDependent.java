package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The ClusterIP Service clients use for one service; it routes only to ready pods, so traffic
 * reaches a member only after its preload.
 */
public abstract class ClientServiceDependent
    extends CRUDKubernetesDependentResource<Service, CachedServicePair> {

  private final ServiceRole role;

  protected ClientServiceDependent(ServiceRole role) {
    super(Service.class);
    this.role = role;
  }

  @Override
  protected Service desired(CachedServicePair pair, Context<CachedServicePair> context) {
    return desired(pair, role);
  }

  /** The desired client Service of {@code role}. */
  public static Service desired(CachedServicePair pair, ServiceRole role) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(PairNames.service(pair, role))
        .withNamespace(pair.getMetadata().getNamespace())
        .withLabels(PairLabels.forService(pair, role))
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(PairLabels.serviceSelector(pair, role))
        .addNewPort()
        .withName(PairPorts.HTTP_NAME)
        .withPort(PairPorts.HTTP)
        .withNewTargetPort(PairPorts.HTTP_NAME)
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  @Override
  protected ResourceID targetSecondaryResourceID(
      CachedServicePair pair, Context<CachedServicePair> context) {
    return new ResourceID(PairNames.service(pair, role), pair.getMetadata().getNamespace());
  }
}
