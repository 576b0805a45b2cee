package io.cachepair.operator.dependent;

import io.cachepair.operator.api.v1alpha1.ProbeTimings;
import io.cachepair.operator.api.v1alpha1.ProbesSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import java.time.Duration;

/**
 * The three probes of a service container on the management port, sized from the preload budget so
 * that a member is never restarted while it is still allowed to preload, and never takes traffic
 * before it finished; each timing can be overridden in the spec.
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
  public static Probe readiness(ProbesSpec overrides) {
    return http(READINESS_PATH, 5, 3, overrides == null ? null : overrides.getReadiness());
  }

  /** Liveness; it answers 200 during the preload, so it only restarts a hung JVM. */
  public static Probe liveness(ProbesSpec overrides) {
    return http(LIVENESS_PATH, 10, 6, overrides == null ? null : overrides.getLiveness());
  }

  /**
   * Startup probe on the liveness endpoint, holding liveness checks back for the JVM start plus the
   * whole preload budget. It deliberately does not use readiness: a member waiting for an unsafe
   * cluster must not be restarted, since every join and leave starts a new rebalancing.
   */
  public static Probe startup(Duration preloadTimeout, ProbesSpec overrides) {
    long budget = JVM_START_ALLOWANCE.plus(preloadTimeout).toSeconds();
    int failureThreshold = (int) Math.max(1, Math.ceil(budget / (double) STARTUP_PERIOD_SECONDS));
    return http(
        LIVENESS_PATH,
        STARTUP_PERIOD_SECONDS,
        failureThreshold,
        overrides == null ? null : overrides.getStartup());
  }

  private static Probe http(
      String path, int periodSeconds, int failureThreshold, ProbeTimings override) {
    ProbeTimings o = override == null ? new ProbeTimings() : override;
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(PairPorts.MANAGEMENT_NAME))
        .endHttpGet()
        .withPeriodSeconds(or(o.getPeriodSeconds(), periodSeconds))
        .withTimeoutSeconds(or(o.getTimeoutSeconds(), 3))
        .withFailureThreshold(or(o.getFailureThreshold(), failureThreshold))
        .withInitialDelaySeconds(or(o.getInitialDelaySeconds(), 0))
        .withSuccessThreshold(1)
        .build();
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
