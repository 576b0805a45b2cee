package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a pair, built by the status aggregator on every reconcile. */
public class CachedServicePairStatus {

  @JsonPropertyDescription("metadata.generation the status was computed for.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Pending, Preloading, Ready, RollingOut, Degraded or Blocked; see the conditions for why.")
  private PairPhase phase;

  @JsonPropertyDescription(
      "Cache schema version the pods run: one number, or 'from->to' while they differ.")
  private String schema;

  @JsonPropertyDescription("Ready, Progressing and Degraded conditions.")
  private List<PairCondition> conditions = new ArrayList<>();

  @JsonPropertyDescription("menu-service Deployment.")
  private ServiceStatus menu;

  @JsonPropertyDescription("order-service Deployment.")
  private ServiceStatus order;

  @JsonPropertyDescription("Active rollout plan; absent when nothing rolls out.")
  private RolloutStatus rollout;

  @JsonPropertyDescription(
      "Pods of the order-service Deployment, for the scale subresource (kubectl scale csp).")
  @StatusReplicas
  private Integer orderReplicas;

  @JsonPropertyDescription("Label selector of the order-service pods, for the scale subresource.")
  @LabelSelector
  private String orderSelector;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public PairPhase getPhase() {
    return phase;
  }

  public void setPhase(PairPhase phase) {
    this.phase = phase;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public List<PairCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<PairCondition> conditions) {
    this.conditions = conditions;
  }

  public ServiceStatus getMenu() {
    return menu;
  }

  public void setMenu(ServiceStatus menu) {
    this.menu = menu;
  }

  public ServiceStatus getOrder() {
    return order;
  }

  public void setOrder(ServiceStatus order) {
    this.order = order;
  }

  public RolloutStatus getRollout() {
    return rollout;
  }

  public void setRollout(RolloutStatus rollout) {
    this.rollout = rollout;
  }

  public Integer getOrderReplicas() {
    return orderReplicas;
  }

  public void setOrderReplicas(Integer orderReplicas) {
    this.orderReplicas = orderReplicas;
  }

  public String getOrderSelector() {
    return orderSelector;
  }

  public void setOrderSelector(String orderSelector) {
    this.orderSelector = orderSelector;
  }

  /** The status section of one service. */
  public ServiceStatus serviceStatus(ServiceRole role) {
    return role == ServiceRole.MENU ? menu : order;
  }
}
