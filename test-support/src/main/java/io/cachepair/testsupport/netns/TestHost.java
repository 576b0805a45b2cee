package io.cachepair.testsupport.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One host of a {@link TestNetwork}: a network namespace with two links, each a veth pair whose
 * outer end is a port of one of the network's bridges.
 *
 * <ul>
 *   <li>{@code cl0}, the <b>cluster link</b>, carries Coherence traffic only: members bind to its
 *       address and find each other through it;
 *   <li>{@code sv0}, the <b>service link</b>, carries everything else: the test JVM's HTTP calls
 *       and the service's database connections.
 * </ul>
 *
 * {@link #isolate} cuts the cluster link alone, so a partitioned service still reaches its database
 * and still answers the test. There is no default route: nothing in the host reaches beyond the
 * network's two subnets.
 */
public final class TestHost {

  private final TestNetwork network;
  private final String name;
  private final String namespace;
  private final int index;
  private final String clusterVeth;
  private final String serviceVeth;
  private volatile Cut cut;

  TestHost(TestNetwork network, String name, String namespace, int index) {
    this.network = network;
    this.name = name;
    this.namespace = namespace;
    this.index = index;
    this.clusterVeth = network.id() + index + "c";
    this.serviceVeth = network.id() + index + "s";
  }

  /** Builds the namespace and both links; {@link TestNetwork#addHost} calls it. */
  void create() {
    Commands.check("ip", "netns", "add", namespace);
    exec("ip", "link", "set", "lo", "up");
    link(clusterVeth, "cl0", network.clusterBridge(), clusterAddress());
    link(serviceVeth, "sv0", network.serviceBridge(), serviceAddress());
  }

  private void link(String outer, String inner, String bridge, String address) {
    String peer = outer + "p";
    Commands.check("ip", "link", "add", outer, "type", "veth", "peer", "name", peer);
    Commands.check("ip", "link", "set", peer, "netns", namespace);
    Commands.check("ip", "link", "set", outer, "master", bridge);
    Commands.check("ip", "link", "set", outer, "up");
    exec("ip", "link", "set", peer, "name", inner);
    exec("ip", "addr", "add", address + "/24", "dev", inner);
    exec("ip", "link", "set", inner, "up");
  }

  /** The host's name in the test, e.g. {@code order-2}. */
  public String name() {
    return name;
  }

  /** The network namespace's name. */
  public String namespace() {
    return namespace;
  }

  /** The address on the cluster link ({@code cl0}): Coherence's {@code localhost}. */
  public String clusterAddress() {
    return network.clusterSubnet().address(10 + index);
  }

  /** The address on the service link ({@code sv0}): where the test reaches the host's APIs. */
  public String serviceAddress() {
    return network.serviceSubnet().address(10 + index);
  }

  /** The network the host is on. */
  public TestNetwork network() {
    return network;
  }

  /**
   * A command that runs {@code command} inside this host ({@code ip netns exec}, which execs it:
   * the process started is the command's own, with its own PID, so signals reach it directly).
   */
  public List<String> wrap(List<String> command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(command);
    return full;
  }

  /** Runs a short command inside the host and returns what it printed; fails on a non-zero exit. */
  public String exec(String... command) {
    return Commands.check(wrap(List.of(command)).toArray(String[]::new));
  }

  /** The TCP sockets in LISTEN and bound UDP sockets in the host. */
  public List<ListeningSocket> listeningSockets() {
    return ListeningSocket.parse(exec("ss", "-ltnupH"));
  }

  /** The PIDs of every process inside the host ({@code ip netns pids}). */
  public List<Long> pids() {
    String out = Commands.run(List.of("ip", "netns", "pids", namespace)).output();
    List<Long> pids = new ArrayList<>();
    for (String line : out.split("\\s+")) {
      if (line.matches("\\d+")) {
        pids.add(Long.parseLong(line));
      }
    }
    return pids;
  }

  /**
   * Cuts the host's cluster link: it forms an island of its own while its service link (HTTP,
   * database) keeps working. Idempotent for the same cut.
   *
   * @param how how the link is cut
   */
  public synchronized void isolate(Cut how) {
    if (cut != null) {
      if (cut == how) {
        return;
      }
      heal();
    }
    switch (how) {
      case LINK_DOWN -> Commands.check("ip", "link", "set", clusterVeth, "down");
      case SILENT -> Commands.check("bridge", "link", "set", "dev", clusterVeth, "state", "0");
    }
    cut = how;
  }

  /** Restores the cluster link cut by {@link #isolate}; nothing happens when it is not cut. */
  public synchronized void heal() {
    if (cut == null) {
      return;
    }
    switch (cut) {
      case LINK_DOWN -> Commands.check("ip", "link", "set", clusterVeth, "up");
      // 3 = forwarding (the bridge runs no spanning tree, so the port forwards at once)
      case SILENT -> Commands.check("bridge", "link", "set", "dev", clusterVeth, "state", "3");
    }
    cut = null;
  }

  /** How the cluster link is cut now, or {@code null} when it is whole. */
  public Cut cut() {
    return cut;
  }

  /** Writes the hosts file processes started in this host see ({@code /etc/hosts}). */
  void writeHosts(String content) {
    try {
      Path dir = TestNetwork.ETC_NETNS.resolve(namespace);
      Files.createDirectories(dir);
      // in place: a file already bind-mounted over a running process's /etc/hosts sees the change
      Files.writeString(dir.resolve("hosts"), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills what runs inside (by PID) and deletes the namespace, its links and hosts file. */
  void destroy() {
    List<ProcessHandle> inside = new ArrayList<>();
    pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(inside::add));
    inside.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : inside) {
      p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
    }
    Commands.quietly("ip", "netns", "del", namespace);
    Commands.quietly("ip", "link", "del", clusterVeth);
    Commands.quietly("ip", "link", "del", serviceVeth);
    TestNetwork.deleteTree(TestNetwork.ETC_NETNS.resolve(namespace));
  }

  @Override
  public String toString() {
    return name + "(cluster " + clusterAddress() + ", service " + serviceAddress() + ")";
  }
}
