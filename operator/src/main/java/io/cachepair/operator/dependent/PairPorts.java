package io.cachepair.operator.dependent;

/**
 * Ports of a pair member, fixed and documented as the Coherence Operator does: the NetworkPolicy
 * can only admit ports it knows, so the unicast port is pinned ({@code
 * COHERENCE_LOCALPORT_ADJUST=false}) and Coherence's own health port is not opened at all.
 */
public final class PairPorts {

  /** Spring Boot HTTP port: the REST API, for clients. */
  public static final int HTTP = 8080;

  /** Spring Boot management port: actuator probes, metrics, the safety endpoint, write pause. */
  public static final int MANAGEMENT = 9080;

  /** Coherence cluster port (WKA discovery). */
  public static final int CLUSTER = 7574;

  /** Coherence unicast (TCMP) port, pinned with {@code COHERENCE_LOCALPORT_ADJUST=false}. */
  public static final int UNICAST = 7575;

  public static final String HTTP_NAME = "http";
  public static final String MANAGEMENT_NAME = "management";

  private PairPorts() {}
}
