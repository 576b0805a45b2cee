package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The two members of a pair; it exists so that names, labels and Coherence roles are derived from
 * one place instead of string literals spread over every resource.
 */
public enum ServiceRole {
  MENU("menu", "menu-service"),
  ORDER("order", "order-service");

  private final String id;
  private final String serviceName;

  ServiceRole(String id, String serviceName) {
    this.id = id;
    this.serviceName = serviceName;
  }

  /** Short lower-case name used in resource names, status and {@code COHERENCE_ROLE}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Application name, used as {@code app.kubernetes.io/name} and as the container name. */
  public String serviceName() {
    return serviceName;
  }

  /** The service section of the spec for this role. */
  public ServiceSpec specOf(CachedServicePairSpec spec) {
    return this == MENU ? spec.getMenu() : spec.getOrder();
  }
}
