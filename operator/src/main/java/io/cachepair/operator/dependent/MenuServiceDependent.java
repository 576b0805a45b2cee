package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.ServiceRole;

/** The menu-service ClusterIP Service. */
public class MenuServiceDependent extends ClientServiceDependent {

  public MenuServiceDependent() {
    super(ServiceRole.MENU);
  }
}
