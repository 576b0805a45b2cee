package io.cachepair.menu.gate;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A write reached the menu before it finished its preload (or while it shuts down): 503. Writes
 * then would race the preload's own reconcile of the same rows.
 */
public class MenuNotReadyProblem extends ApiProblem {

  public MenuNotReadyProblem() {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "menu-not-ready",
        "Menu not ready",
        "menu-service accepts writes once its preload is done and it is ready; see"
            + " /actuator/health/readiness",
        Map.of());
  }
}
