package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Desired state of a pair: the cluster both services join, the cache contract and both services.
 */
@ValidationRule(
    value =
        "(has(self.order.database) && has(self.order.database.secretName))"
            + " || !has(self.order.replicas) || self.order.replicas == 1",
    fieldPath = ".order.replicas",
    message =
        "an embedded order database allows only 1 order replica: orders and idempotency keys"
            + " would split across pods")
public class CachedServicePairSpec {

  @JsonPropertyDescription(
      "Coherence cluster name both services join (COHERENCE_CLUSTER). Defaults to the resource"
          + " name; cannot change once set, since members of two names never form one cluster.")
  @ValidationRule(value = "self == oldSelf", message = "clusterName is immutable")
  private String clusterName;

  @JsonPropertyDescription("The shared dish cache and its contract version.")
  @Required
  private CacheSpec cache;

  @JsonPropertyDescription("menu-service: owns the dishes, writes them to its DB and the cache.")
  @Required
  private ServiceSpec menu;

  @JsonPropertyDescription("order-service: takes orders and reads dishes from the cache.")
  @Required
  private ServiceSpec order;

  @JsonPropertyDescription("How changes are rolled out.")
  private RolloutSpec rollout = new RolloutSpec();

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public CacheSpec getCache() {
    return cache;
  }

  public void setCache(CacheSpec cache) {
    this.cache = cache;
  }

  public ServiceSpec getMenu() {
    return menu;
  }

  public void setMenu(ServiceSpec menu) {
    this.menu = menu;
  }

  public ServiceSpec getOrder() {
    return order;
  }

  public void setOrder(ServiceSpec order) {
    this.order = order;
  }

  public RolloutSpec getRollout() {
    return rollout;
  }

  public void setRollout(RolloutSpec rollout) {
    this.rollout = rollout;
  }

  /** The rollout section, never null. */
  public RolloutSpec rolloutOrDefault() {
    return rollout == null ? new RolloutSpec() : rollout;
  }
}
