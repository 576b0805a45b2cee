package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.ServiceRole;

/** The order-service ClusterIP Service. */
public class OrderServiceDependent extends ClientServiceDependent {

  public OrderServiceDependent() {
    super(ServiceRole.ORDER);
  }
}
