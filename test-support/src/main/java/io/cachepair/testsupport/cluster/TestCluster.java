package io.cachepair.testsupport.cluster;

import io.cachepair.testsupport.net.FreePorts;
import io.cachepair.testsupport.tls.TestCertificates;
import io.cachepair.testsupport.tokens.JwksServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A Coherence cluster of its own for one test class: a unique name and a unique cluster port, so
 * that parallel runs and other clusters on the machine never join it (TLS clusters cannot share a
 * port anyway), the full loopback recipe of DESIGN §5 that keeps every socket of its members on
 * 127.0.0.1, and the production shape: all cluster traffic over the {@code tls-files} socket
 * provider with client authentication, with a member certificate of the test JVM's CA ({@link
 * TestCertificates}); for services also bearer tokens checked against the test JVM's key server
 * ({@link JwksServer}).
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
    Map<String, String> properties = loopbackProperties();
    properties.putAll(TestCertificates.sharedMember().coherenceProperties());
    return properties;
  }

  /**
   * The identity and loopback recipe without TLS: only for a member that must not get in (the
   * rogue-member tests add a TLS setup of their own, or none).
   *
   * @return property name to value
   */
  public Map<String, String> loopbackProperties() {
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
   * address (as the headless WKA Service does), the IpMonitor disabled as on Kubernetes, and TLS as
   * in {@link #coherenceProperties()}. Coherence's management and health endpoints stay on the
   * host's loopback.
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
    properties.putAll(TestCertificates.sharedMember().coherenceProperties());
    return properties;
  }

  /**
   * Everything an in-process Spring Boot service test needs: {@link #coherenceProperties()}, the
   * key server for bearer tokens, and a management (actuator) port of its own, picked at random
   * (read it with {@code @LocalManagementPort}).
   *
   * @return Spring property name to value
   */
  public Map<String, String> springProperties() {
    Map<String, String> properties = coherenceProperties();
    properties.put(JWK_SET_URI, JwksServer.shared().uri());
    properties.put("management.server.port", "0");
    properties.put("management.server.address", "127.0.0.1");
    return properties;
  }

  /** The Spring property naming the identity provider's key set. */
  public static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

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
