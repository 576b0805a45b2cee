package io.cachepair.testsupport.netns;

import io.cachepair.testsupport.process.ProcessRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A network namespace of its own for a test: {@code lo} up, an interface {@code eth0} (one end of a
 * veth pair whose other end stays inside too) with an address that stands for a pod IP, a hosts
 * file seen by processes started in it ({@code ip netns exec} bind-mounts {@code
 * /etc/netns/<name>/hosts} over {@code /etc/hosts}), and its listening sockets. Closing it kills
 * the processes started in it (by PID), deletes the namespace and its {@code /etc/netns} directory.
 * Nothing in it can reach another namespace or the host.
 */
public final class NetworkNamespace implements AutoCloseable {

  private static final Path ETC_NETNS = Path.of("/etc/netns");

  private final String name;
  private final String address;
  private final List<Process> processes = new ArrayList<>();

  private NetworkNamespace(String name, String address) {
    this.name = name;
    this.address = address;
  }

  /**
   * Why namespaces cannot be made here (not root, no {@code ip netns}), or {@code null} when they
   * can: callers skip with this message, or fail where skipping is not allowed (CI).
   */
  public static String unavailableBecause() {
    try {
      Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!id.waitFor(10, TimeUnit.SECONDS) || !"0".equals(uid)) {
        return "network namespaces need root (uid is " + uid + ")";
      }
      Run list = run(List.of("ip", "netns", "list"));
      if (list.exit() != 0) {
        return "'ip netns list' failed: " + list.output().trim();
      }
      return null;
    } catch (IOException e) {
      return "'ip' is not available: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Creates a namespace.
   *
   * @param prefix start of its name (a random suffix follows)
   * @param cidr the address of {@code eth0}, e.g. {@code 10.250.0.2/24}
   * @param hosts hosts entries (name → address) for processes started in it
   */
  public static NetworkNamespace create(String prefix, String cidr, Map<String, String> hosts) {
    String name = prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    NetworkNamespace ns = new NetworkNamespace(name, cidr.substring(0, cidr.indexOf('/')));
    try {
      check(run(List.of("ip", "netns", "add", name)), "ip netns add " + name);
      Path dir = ETC_NETNS.resolve(name);
      Files.createDirectories(dir);
      StringBuilder lines = new StringBuilder("127.0.0.1 localhost\n");
      hosts.forEach((host, ip) -> lines.append(ip).append(' ').append(host).append('\n'));
      Files.writeString(dir.resolve("hosts"), lines.toString());
      ns.exec(List.of("ip", "link", "set", "lo", "up"));
      // a veth pair with both ends inside: eth0 has carrier and the address, nothing outside
      ns.exec(List.of("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "eth0-peer"));
      ns.exec(List.of("ip", "addr", "add", cidr, "dev", "eth0"));
      ns.exec(List.of("ip", "link", "set", "eth0-peer", "up"));
      ns.exec(List.of("ip", "link", "set", "eth0", "up"));
      return ns;
    } catch (IOException | RuntimeException e) {
      ns.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  public String name() {
    return name;
  }

  /** The address of {@code eth0} (the pod IP it stands for). */
  public String address() {
    return address;
  }

  /**
   * Starts a process inside the namespace with exactly {@code env} as its environment.
   *
   * @param command the command, e.g. {@code java -jar app.jar}
   * @param env its whole environment
   * @param log where stdout and stderr go
   */
  public Process start(List<String> command, Map<String, String> env, Path log) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      ProcessRegistry.register(process);
      processes.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command + " in " + name, e);
    }
  }

  /** The TCP sockets in LISTEN and bound UDP sockets of every process in the namespace. */
  public List<ListeningSocket> listeningSockets() {
    try {
      return ListeningSocket.parse(exec(List.of("ss", "-ltnupH")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String exec(List<String> command) throws IOException {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
    full.addAll(command);
    Run result = run(full);
    check(result, String.join(" ", full));
    return result.output();
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(-1, out + " (timed out)");
      }
      return new Run(p.exitValue(), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted running " + command, e);
    }
  }

  private static void check(Run run, String what) {
    if (run.exit() != 0) {
      throw new IllegalStateException(what + " failed (" + run.exit() + "): " + run.output());
    }
  }

  /** Kills what was started here, then removes the namespace and its hosts file. */
  @Override
  public void close() {
    for (Process p : processes) {
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      run(List.of("ip", "netns", "del", name));
    } catch (IOException e) {
      // nothing left to do; the name is random and unused by anyone else
    }
    Path dir = ETC_NETNS.resolve(name);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // best effort
      }
    }
  }
}
