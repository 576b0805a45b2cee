package io.cachepair.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One menu-service and one order-service Deployment run as a single Coherence cluster, so that a
 * user gets the whole pair, its discovery, its disruption budget and its rollouts from one
 * resource.
 */
@Group(CachedServicePair.GROUP)
@Version(CachedServicePair.VERSION)
@ShortNames("csp")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Schema", jsonPath = ".status.schema")
@AdditionalPrinterColumn(name = "Menu ready", jsonPath = ".status.menu.ready")
@AdditionalPrinterColumn(name = "Order ready", jsonPath = ".status.order.ready")
@AdditionalPrinterColumn(name = "Rollout", jsonPath = ".status.rollout.summary", priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class CachedServicePair
    extends CustomResource<CachedServicePairSpec, CachedServicePairStatus> implements Namespaced {

  /** API group of the resource. */
  public static final String GROUP = "cachepair.io";

  /** API version of the resource. */
  public static final String VERSION = "v1alpha1";

  /**
   * Annotation that stops the operator from starting rollout steps while it is {@code "true"}; a
   * step already running finishes.
   */
  public static final String PAUSED_ANNOTATION = "cachepair.io/paused";

  /** Whether the pause annotation is set. */
  public boolean paused() {
    return getMetadata().getAnnotations() != null
        && "true".equalsIgnoreCase(getMetadata().getAnnotations().get(PAUSED_ANNOTATION));
  }

  /** The Coherence cluster name: the one in the spec, else the resource's name. */
  public String effectiveClusterName() {
    String configured = getSpec() == null ? null : getSpec().getClusterName();
    return configured == null || configured.isBlank() ? getMetadata().getName() : configured;
  }
}
