package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.ServiceRole;

/** The menu-service Deployment. */
public class MenuDeploymentDependent extends ServiceDeploymentDependent {

  public MenuDeploymentDependent() {
    super(ServiceRole.MENU);
  }
}
