package io.cachepair.operator.dependent;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;

/**
 * The three probes of a service container, sized from the preload budget so that a member is never
 * restarted while it is still allowed to preload, and never takes traffic before it finished.
 */
public final class ContainerProbes {

  static final String READINESS_PATH = "/actuator/health/readiness";
  static final String LIVENESS_PATH = "/actuator/health/liveness";

  /** Time a JVM with Spring Boot and Coherence needs before its actuator answers. */
  static final Duration JVM_START_ALLOWANCE = Duration.ofMinutes(2);

  static final int STARTUP_PERIOD_SECONDS = 10;

  private ContainerProbes() {}

  /**
   * Readiness on the readiness group, which the services hold at 503 until the preload finished and
   * the dish service was safe since the member joined.
   */
  public static Probe readiness() {
    return http(READINESS_PATH, 5, 3);
  }

  /** Liveness; it answers 200 during the preload, so it only restarts a hung JVM. */
  public static Probe liveness() {
    return http(LIVENESS_PATH, 10, 6);
  }

  /**
   * Startup probe on the liveness endpoint, holding liveness checks back for the JVM start plus the
   * whole preload budget. It deliberately does not use readiness: a member waiting for an unsafe
   * cluster must not be restarted, since every join and leave starts a new rebalancing.
   */
  public static Probe startup(Duration preloadTimeout) {
    long budget = JVM_START_ALLOWANCE.plus(preloadTimeout).toSeconds();
    int failureThreshold = (int) Math.max(1, Math.ceil(budget / (double) STARTUP_PERIOD_SECONDS));
    return http(LIVENESS_PATH, STARTUP_PERIOD_SECONDS, failureThreshold);
  }

  private static Probe http(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(PairPorts.HTTP_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(3)
        .withFailureThreshold(failureThreshold)
        .withSuccessThreshold(1)
        .build();
  }
}
