package io.cachepair.operator.dependent;

/**
 * Ports of a pair member; pinned here because the NetworkPolicy can only admit ports it knows, and
 * TCMP unicast does not use the cluster port.
 */
public final class PairPorts {

  /** Spring Boot HTTP port: REST API and actuator probes. */
  public static final int HTTP = 8080;

  /** Coherence cluster port (WKA discovery). */
  public static final int CLUSTER = 7574;

  /** Coherence unicast (TCMP) port, pinned with {@code COHERENCE_LOCALPORT_ADJUST=false}. */
  public static final int UNICAST = 7575;

  /** Coherence's own health endpoint. */
  public static final int COHERENCE_HEALTH = 6676;

  public static final String HTTP_NAME = "http";

  private PairPorts() {}
}
