package io.cachepair.systemtest.launch;

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
}
