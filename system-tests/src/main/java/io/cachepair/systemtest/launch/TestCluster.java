package io.cachepair.systemtest.launch;

import java.util.List;
import java.util.UUID;

/**
 * A Coherence cluster of its own for one test class: a unique name and a unique cluster port, so
 * that parallel runs and other clusters on the machine never join it.
 *
 * @param name the cluster name
 * @param port the cluster port (WKA on 127.0.0.1)
 */
public record TestCluster(String name, int port) {

  /**
   * Creates a fresh cluster identity.
   *
   * @param prefix a readable prefix, e.g. the test class name
   * @return a cluster with a unique name and a free port
   */
  public static TestCluster unique(String prefix) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return new TestCluster(prefix.toLowerCase() + "-" + suffix, FreePorts.pick());
  }

  /**
   * The loopback recipe of DESIGN §5 as system properties, for a plain Coherence member (no Spring,
   * so no {@code LoopbackDefaults}) joining this cluster.
   *
   * @param cacheConfig the cache configuration the member uses
   * @return {@code -D} options for its command line
   */
  public List<String> memberSystemProperties(String cacheConfig) {
    return List.of(
        "-Djava.net.preferIPv4Stack=true",
        "-Dcoherence.cluster=" + name,
        "-Dcoherence.clusterport=" + port,
        "-Dcoherence.wka=127.0.0.1",
        "-Dcoherence.localhost=127.0.0.1",
        "-Dcoherence.discovery.address=127.0.0.1",
        "-Dcoherence.management.remote.host=127.0.0.1",
        "-Dcoherence.ttl=0",
        "-Dcoherence.cacheconfig=" + cacheConfig);
  }
}
