package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.ServiceRole;

/** The order-service Deployment. */
public class OrderDeploymentDependent extends ServiceDeploymentDependent {

  public OrderDeploymentDependent() {
    super(ServiceRole.ORDER);
  }
}
