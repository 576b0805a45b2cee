package io.cachepair.testsupport.cluster;

import io.cachepair.testsupport.net.FreePorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A Coherence cluster of its own for one test class: a unique name and a unique cluster port, so
 * that parallel runs and other clusters on the machine never join it, and the full loopback recipe
 * of DESIGN §5 that keeps every socket of its members on 127.0.0.1.
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
    return new TestCluster(prefix.toLowerCase(Locale.ROOT) + "-" + suffix, FreePorts.pick());
  }

  /**
   * Creates a fresh cluster identity named after a test class.
   *
   * @param testClass the test class
   * @return a cluster with a unique name and a free port
   */
  public static TestCluster forClass(Class<?> testClass) {
    return unique(testClass.getSimpleName());
  }

  /**
   * The loopback recipe and this cluster's identity as Coherence properties, in the order a reader
   * expects them: name and port first.
   *
   * @return property name to value
   */
  public Map<String, String> coherenceProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("coherence.cluster", name);
    properties.put("coherence.clusterport", String.valueOf(port));
    properties.put("coherence.wka", "127.0.0.1");
    properties.put("coherence.localhost", "127.0.0.1");
    properties.put("coherence.discovery.address", "127.0.0.1");
    properties.put("coherence.management.remote.host", "127.0.0.1");
    properties.put("coherence.health.http.address", "127.0.0.1");
    properties.put("coherence.ttl", "0");
    return properties;
  }

  /**
   * This cluster's identity and the recipe the operator renders for a pod, for a member on a test
   * host ({@code netns.TestHost}) that has its network to itself: Kubernetes' cluster and unicast
   * ports (the unicast port pinned), the host's cluster-link address as {@code localhost} and
   * discovery address, well-known addresses from a host name that resolves to every host's cluster
   * address (as the headless WKA Service does), and the IpMonitor disabled as on Kubernetes.
   * Coherence's management and health endpoints stay on the host's loopback.
   *
   * @param wka the host name of the well-known addresses
   * @param address the host's cluster-link address
   * @return property name to value
   */
  public Map<String, String> hostProperties(String wka, String address) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("coherence.cluster", name);
    properties.put("coherence.clusterport", "7574");
    properties.put("coherence.localport", "7575");
    properties.put("coherence.localport.adjust", "false");
    properties.put("coherence.wka", wka);
    properties.put("coherence.localhost", address);
    properties.put("coherence.discovery.address", address);
    // the operator's pods: the IpMonitor pings port 7, which no network policy opens
    properties.put("coherence.ipmonitor.pingtimeout", "0");
    properties.put("coherence.management.remote.host", "127.0.0.1");
    properties.put("coherence.health.http.address", "127.0.0.1");
    properties.put("coherence.ttl", "0");
    return properties;
  }

  /**
   * The recipe as JVM options for a plain Coherence member (no Spring, so none of the services'
   * defaults apply).
   *
   * @param cacheConfig the cache configuration the member uses
   * @return {@code -D} options for its command line
   */
  public List<String> memberSystemProperties(String cacheConfig) {
    List<String> options = new ArrayList<>();
    options.add("-Djava.net.preferIPv4Stack=true");
    coherenceProperties().forEach((k, v) -> options.add("-D" + k + "=" + v));
    options.add("-Dcoherence.cacheconfig=" + cacheConfig);
    return options;
  }
}
