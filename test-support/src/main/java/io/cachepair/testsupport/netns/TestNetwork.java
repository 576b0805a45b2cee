package io.cachepair.testsupport.netns;

import io.cachepair.testsupport.tokens.JwksServer;
import io.cachepair.testsupport.tokens.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A network of test hosts for one test class: two Linux bridges on this machine, each on a random
 * {@code 10.x.y.0/24} that nothing here uses yet, and {@link TestHost hosts} (network namespaces)
 * with one link on each.
 *
 * <ul>
 *   <li>The <b>cluster bridge</b> carries Coherence traffic between the hosts and nothing else; the
 *       test machine has no address on it.
 *   <li>The <b>service bridge</b> carries HTTP from the test JVM to the hosts and the hosts'
 *       database connections: the test machine's side has the subnet's {@code .1} ({@link
 *       #serviceGateway()}), where a test database can listen.
 * </ul>
 *
 * Every host's {@code /etc/hosts} names {@value #WKA} with every host's cluster address, like the
 * pair's headless WKA Service on Kubernetes. Closing the network kills every process in its hosts
 * (by PID), deletes the namespaces, links, bridges and addresses; a shutdown hook does the same if
 * the test JVM exits first, and the next network created on this machine removes what a killed test
 * JVM left behind (its owner file names the PID).
 */
public final class TestNetwork implements AutoCloseable {

  /** The host name every host resolves to all cluster addresses (the well-known addresses). */
  public static final String WKA = "cluster-wka";

  static final Path ETC_NETNS = Path.of("/etc/netns");
  private static final Path OWNERS = Path.of("/run/cachepair-testnet");
  private static final String PREFIX = "cpt";

  private final String id;
  private final String label;
  private final Subnet clusterSubnet;
  private final Subnet serviceSubnet;
  private final List<TestHost> hosts = new ArrayList<>();
  private final Thread shutdownHook;
  private boolean closed;
  private JwksServer jwks;

  private TestNetwork(String id, String label, Subnet clusterSubnet, Subnet serviceSubnet) {
    this.id = id;
    this.label = label;
    this.clusterSubnet = clusterSubnet;
    this.serviceSubnet = serviceSubnet;
    this.shutdownHook = new Thread(this::teardown, "remove-test-network-" + id);
  }

  /**
   * Why test networks cannot be made here (not root, no {@code ip netns}, no bridges), or {@code
   * null} when they can: callers skip with this message, or fail where skipping is not allowed
   * (CI).
   */
  public static String unavailableBecause() {
    String uid = Commands.run(List.of("id", "-u")).output().trim();
    if (!"0".equals(uid)) {
      return "test networks need root (uid is " + uid + ")";
    }
    Commands.Result netns = Commands.run(List.of("ip", "netns", "list"));
    if (netns.exit() != 0) {
      return "'ip netns list' failed: " + netns.output().trim();
    }
    Commands.Result bridge = Commands.run(List.of("bridge", "-V"));
    if (bridge.exit() != 0) {
      return "'bridge' (iproute2) is not available: " + bridge.output().trim();
    }
    String probe = PREFIX + "probe" + hex(3);
    Commands.Result add = Commands.run(List.of("ip", "link", "add", probe, "type", "bridge"));
    Commands.quietly("ip", "link", "del", probe);
    if (add.exit() != 0) {
      return "cannot create a Linux bridge: " + add.output().trim();
    }
    return null;
  }

  /**
   * Creates the two bridges, on subnets nothing on this machine uses.
   *
   * @param label for messages, e.g. the test class name
   * @return the network, with no hosts yet
   */
  public static synchronized TestNetwork create(String label) {
    removeLeftovers();
    String taken =
        Commands.check("ip", "-4", "-o", "addr") + Commands.check("ip", "-4", "route", "show");
    Subnet cluster = Subnet.pickFree(taken);
    Subnet service = Subnet.pickFree(taken + " " + cluster.address(1));
    TestNetwork network = new TestNetwork(PREFIX + hex(3), label, cluster, service);
    Runtime.getRuntime().addShutdownHook(network.shutdownHook);
    try {
      network.recordOwner();
      network.bridge(network.clusterBridge(), null);
      network.bridge(network.serviceBridge(), service.gateway() + "/24");
      return network;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  private void bridge(String name, String address) {
    Commands.check("ip", "link", "add", name, "type", "bridge");
    // no spanning tree and no forwarding delay: a port forwards the moment it is up
    Commands.check(
        "ip", "link", "set", name, "type", "bridge", "stp_state", "0", "forward_delay", "0");
    if (address != null) {
      Commands.check("ip", "addr", "add", address, "dev", name);
    }
    Commands.check("ip", "link", "set", name, "up");
  }

  /**
   * Adds a host with one link on each bridge. Every host's hosts file is rewritten so that {@value
   * #WKA} names every host's cluster address.
   *
   * @param name a name unique in the network, e.g. {@code menu-1}
   * @return the host
   */
  public synchronized TestHost addHost(String name) {
    if (closed) {
      throw new IllegalStateException("network " + id + " is closed");
    }
    if (hosts.size() >= 90) {
      throw new IllegalStateException("at most 90 hosts per network");
    }
    String namespace = id + "-" + name.replaceAll("[^A-Za-z0-9-]", "-");
    TestHost host = new TestHost(this, name, namespace, hosts.size());
    hosts.add(host);
    recordOwner();
    host.create();
    writeHostsFiles();
    return host;
  }

  private void writeHostsFiles() {
    StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
    for (TestHost h : hosts) {
      lines.append(h.clusterAddress()).append(' ').append(WKA).append('\n');
    }
    for (TestHost h : hosts) {
      lines.append(h.serviceAddress()).append(' ').append(h.name()).append('\n');
    }
    hosts.forEach(h -> h.writeHosts(lines.toString()));
  }

  /** A short random id, also the prefix of every name this network creates. */
  String id() {
    return id;
  }

  /** The cluster bridge's interface name. */
  public String clusterBridge() {
    return id + "c";
  }

  /** The service bridge's interface name. */
  public String serviceBridge() {
    return id + "s";
  }

  public Subnet clusterSubnet() {
    return clusterSubnet;
  }

  public Subnet serviceSubnet() {
    return serviceSubnet;
  }

  /** The test machine's address on the service bridge: hosts reach a test database here. */
  public String serviceGateway() {
    return serviceSubnet.gateway();
  }

  /**
   * The key set URL of {@link TestTokens#shared()}'s key, served on {@link #serviceGateway()} (a
   * host's 127.0.0.1 is its own): the services' {@code jwk-set-uri}. Started on first use, stopped
   * with the network.
   */
  public synchronized String jwksUri() {
    if (closed) {
      throw new IllegalStateException("network " + id + " is closed");
    }
    if (jwks == null) {
      jwks = JwksServer.startOn(TestTokens.shared(), serviceGateway());
    }
    return jwks.uri();
  }

  /** The hosts, in the order they were added. */
  public synchronized List<TestHost> hosts() {
    return List.copyOf(hosts);
  }

  /** The host named {@code name}. */
  public synchronized TestHost host(String name) {
    return hosts.stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no host " + name + " in " + this));
  }

  /** Kills everything in the hosts and removes every namespace, link, bridge and address. */
  @Override
  public void close() {
    teardown();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (or ran) teardown, which is idempotent
    }
  }

  private synchronized void teardown() {
    if (closed) {
      return;
    }
    closed = true;
    for (TestHost h : hosts) {
      h.destroy();
    }
    if (jwks != null) {
      jwks.stop();
    }
    Commands.quietly("ip", "link", "del", clusterBridge());
    Commands.quietly("ip", "link", "del", serviceBridge());
    try {
      Files.deleteIfExists(OWNERS.resolve(id));
    } catch (IOException e) {
      // best effort: the next network's sweep finds a dead owner and removes the rest
    }
  }

  /** The owner file: this JVM's PID, then every namespace and link name it may have created. */
  private void recordOwner() {
    StringBuilder record = new StringBuilder();
    record.append(ProcessHandle.current().pid()).append('\n');
    record.append("link ").append(clusterBridge()).append('\n');
    record.append("link ").append(serviceBridge()).append('\n');
    for (TestHost h : hosts) {
      record.append("netns ").append(h.namespace()).append('\n');
    }
    try {
      Files.createDirectories(OWNERS);
      Files.writeString(OWNERS.resolve(id), record.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes what test JVMs that died without their shutdown hook (kill -9) left behind. */
  static void removeLeftovers() {
    if (!Files.isDirectory(OWNERS)) {
      return;
    }
    try (Stream<Path> owners = Files.list(OWNERS)) {
      for (Path owner : owners.toList()) {
        List<String> lines = Files.readAllLines(owner);
        if (lines.isEmpty() || ProcessHandle.of(Long.parseLong(lines.get(0).trim())).isPresent()) {
          continue;
        }
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.split(" ", 2);
          if (f[0].equals("netns")) {
            for (String pid :
                Commands.run(List.of("ip", "netns", "pids", f[1])).output().split("\\s+")) {
              if (pid.matches("\\d+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
              }
            }
            Commands.quietly("ip", "netns", "del", f[1]);
            deleteTree(ETC_NETNS.resolve(f[1]));
          } else if (f[0].equals("link")) {
            Commands.quietly("ip", "link", "del", f[1]);
          }
        }
        Files.deleteIfExists(owner);
      }
    } catch (IOException | RuntimeException e) {
      // a sweep that fails leaves things as they were; this network's own names are fresh
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  private static String hex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** What the network looks like, for a test's first line of output. */
  public synchronized Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("cluster bridge", clusterBridge() + " " + clusterSubnet + " (no address here)");
    d.put(
        "service bridge",
        serviceBridge() + " " + serviceSubnet + " (" + serviceGateway() + " here)");
    hosts.forEach(
        h ->
            d.put(
                h.name(),
                h.namespace() + " cl0 " + h.clusterAddress() + ", sv0 " + h.serviceAddress()));
    return d;
  }

  @Override
  public String toString() {
    return "network "
        + id
        + " ("
        + label
        + "): cluster "
        + clusterSubnet
        + ", service "
        + serviceSubnet;
  }
}
