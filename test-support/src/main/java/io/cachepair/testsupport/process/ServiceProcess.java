package io.cachepair.testsupport.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.http.HttpResult;
import io.cachepair.testsupport.http.ServiceHttp;
import io.cachepair.testsupport.net.FreePorts;
import io.cachepair.testsupport.netns.TestHost;
import io.cachepair.testsupport.netns.TestNetwork;
import io.cachepair.testsupport.tokens.JwksServer;
import io.cachepair.testsupport.tokens.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service instance as a separate JVM: a name, a fixed HTTP port, a management (actuator) port
 * and data folder (kept across restarts, as a pod's volume would be), its cluster, and a log file
 * per start — in the production shape: its cluster on TLS ({@link TestCluster#coherenceProperties})
 * and its API behind bearer tokens checked against the test JVM's key server ({@link JwksServer}).
 *
 * <p>{@link #http()} calls the API with a token of customer {@value #CUSTOMER} that may also write
 * the menu; {@link #management()} calls the management port with {@code cluster:read} and {@code
 * cluster:admin}.
 *
 * <p>On 127.0.0.1 by default; or inside a {@link TestHost} of its own, as a pod: Kubernetes' ports
 * ({@value #HOST_HTTP_PORT} and management {@value #HOST_MANAGEMENT_PORT} on the host's service
 * address), Coherence (TLS) on the host's cluster link with the operator's recipe ({@link
 * TestCluster#hostProperties}), tokens checked against the network's key server ({@link
 * TestNetwork#jwksUri}).
 *
 * <p>{@link #kill9()} is a real SIGKILL: nothing in the process gets a chance to clean up.
 */
public final class ServiceProcess {

  /** The API port of a service on a test host, as on Kubernetes. */
  public static final int HOST_HTTP_PORT = 8080;

  /** The management (actuator) port of a service on a test host, as on Kubernetes. */
  public static final int HOST_MANAGEMENT_PORT = 9080;

  private final ServiceKind kind;
  private final String name;
  private final TestHost host;
  private final int port;
  private final Path dataDir;
  private final Path logDir;
  private final TestCluster cluster;
  private final Map<String, String> properties;
  private final String heap;
  private final boolean quickStart;
  private final ClassDataArchive.Launch launch;
  private final int managementPort;
  private final ServiceHttp http;
  private final ServiceHttp management;

  /** The subject of {@link #http()}'s token: the customer its orders belong to. */
  public static final String CUSTOMER = "c-42";

  private Process process;
  private int starts;
  private Path currentLog;

  private ServiceProcess(Builder b) {
    // before the ports are picked: building an archive takes a while, and a port picked long
    // before it is bound may be taken meanwhile
    // (tests: the classes of Spring and Coherence from an archive, not loaded and verified anew)
    this.launch =
        b.quickStart
            ? ClassDataArchive.of(b.kind)
            : new ClassDataArchive.Launch(List.of(), b.kind.jar());
    this.kind = b.kind;
    this.name = b.name;
    this.host = b.host;
    this.port = b.port != 0 ? b.port : host != null ? HOST_HTTP_PORT : FreePorts.pick();
    this.dataDir = b.dataDir;
    this.logDir = b.logDir;
    this.cluster = b.cluster;
    this.properties = Map.copyOf(b.properties);
    this.heap = b.heap;
    this.quickStart = b.quickStart;
    this.managementPort = host != null ? HOST_MANAGEMENT_PORT : FreePorts.pick();
    this.http =
        new ServiceHttp(address(), port)
            .withToken(TestTokens.shared().token(CUSTOMER, "menu:write"));
    this.management =
        new ServiceHttp(address(), managementPort)
            .withToken(TestTokens.shared().token("operator", "cluster:read", "cluster:admin"));
  }

  /** Where its API and management port listen: 127.0.0.1, or its host's service address. */
  private String address() {
    return host == null ? "127.0.0.1" : host.serviceAddress();
  }

  /**
   * Describes an instance.
   *
   * @param kind menu or order
   * @param name a name unique in the test, e.g. {@code menu-1}
   * @param cluster the cluster it joins
   * @param workDir the folder under which its data and logs live
   * @return a builder
   */
  public static Builder builder(ServiceKind kind, String name, TestCluster cluster, Path workDir) {
    return new Builder(kind, name, cluster, workDir);
  }

  /**
   * Starts the JVM (again, after a kill or stop), with the same port and data folder.
   *
   * @return this instance
   * @throws IllegalStateException when it is already running
   */
  public synchronized ServiceProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
    }
    starts++;
    currentLog = logDir.resolve(name + "-" + starts + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Xss512k");
    command.add("-XX:+UseSerialGC");
    if (quickStart) {
      // C1 only: starts faster, runs slower; right for tests, wrong for benchmarks
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.addAll(launch.jvmOptions());
    command.add("-Djava.net.preferIPv4Stack=true");
    command.add("-jar");
    command.add(launch.jar().toString());
    Map<String, String> args = new LinkedHashMap<>();
    args.put("server.port", String.valueOf(port));
    args.put("server.address", address());
    args.put("management.server.port", String.valueOf(managementPort));
    args.put("management.server.address", address());
    args.put(
        TestCluster.JWK_SET_URI,
        host == null ? JwksServer.shared().uri() : host.network().jwksUri());
    args.put("cachepair.data-dir", dataDir.toString());
    args.putAll(
        host == null
            ? cluster.coherenceProperties()
            : cluster.hostProperties(TestNetwork.WKA, host.clusterAddress()));
    args.put("coherence.member", name);
    args.putAll(properties);
    args.forEach((k, v) -> command.add("--" + k + "=" + v));
    try {
      Files.createDirectories(logDir);
      Files.createDirectories(dataDir);
      process =
          new ProcessBuilder(host == null ? command : host.wrap(command))
              .redirectErrorStream(true)
              .redirectOutput(currentLog.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    ProcessRegistry.register(process);
    return this;
  }

  /**
   * Waits until readiness answers 200.
   *
   * @param timeout how long at most
   * @return this instance
   * @throws IllegalStateException when it died or did not become ready in time
   */
  public ServiceProcess awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with "
                + process.exitValue()
                + " before it was ready; log "
                + currentLog);
      }
      try {
        HttpResult r = management.get("/actuator/health/readiness");
        if (r.status() == 200) {
          return this;
        }
        last = r.body();
      } catch (RuntimeException e) {
        last = e.getMessage();
      }
      pause(200);
    }
    throw new IllegalStateException(
        name + " not ready after " + timeout + ": " + last + "; log " + currentLog);
  }

  /** The readiness answer right now (status and body), or empty when nothing answers. */
  public Optional<HttpResult> readiness() {
    try {
      return Optional.of(management.get("/actuator/health/readiness"));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Freezes the JVM with SIGSTOP: it stays a member that answers nothing — what a long GC pause, a
   * frozen node or a silent network drop looks like to the others.
   */
  public synchronized void freeze() {
    signal("STOP");
  }

  /** Lets a JVM frozen by {@link #freeze()} run again (SIGCONT). */
  public synchronized void thaw() {
    signal("CONT");
  }

  private void signal(String name) {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException(this.name + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Kills the JVM with SIGKILL and waits until it is gone. */
  public synchronized void kill9() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitFor(Duration.ofSeconds(30));
    }
  }

  /**
   * Stops the JVM with SIGTERM (a graceful shutdown) and waits until it is gone.
   *
   * @param timeout how long to wait before falling back to SIGKILL
   * @return the exit code
   */
  public synchronized int stop(Duration timeout) {
    if (process == null) {
      return 0;
    }
    if (process.isAlive()) {
      process.destroy();
      if (!waitFor(timeout)) {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
      }
    }
    return process.exitValue();
  }

  /**
   * Waits for the process to exit by itself.
   *
   * @param timeout how long at most
   * @return the exit code, or empty when it is still running
   */
  public Optional<Integer> awaitExit(Duration timeout) {
    return waitFor(timeout) ? Optional.of(process.exitValue()) : Optional.empty();
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether the JVM is running. */
  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The OS process id of the current JVM, or -1 before the first start. */
  public long pid() {
    return process == null ? -1 : process.pid();
  }

  /** The HTTP client for this instance's API. */
  public ServiceHttp http() {
    return http;
  }

  /** The HTTP client for this instance's management port ({@code cluster:read/admin}). */
  public ServiceHttp management() {
    return management;
  }

  /** {@code GET /actuator/cachepair} (cheap: no digest), parsed. */
  public JsonNode cluster() {
    return management.get("/actuator/cachepair").json();
  }

  /** {@code GET /actuator/cachepair?digest=true}: with the view's digest, parsed. */
  public JsonNode clusterWithDigest() {
    return management.get("/actuator/cachepair?digest=true").json();
  }

  /** The management (actuator) port on 127.0.0.1 (or on its host's service address). */
  public int managementPort() {
    return managementPort;
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** The test host it runs in, or {@code null} when it runs on 127.0.0.1. */
  public TestHost host() {
    return host;
  }

  public ServiceKind kind() {
    return kind;
  }

  /** The log file of the current (or last) start. */
  public Path log() {
    return currentLog;
  }

  /** Every log file this instance wrote, one per start. */
  public List<Path> logs() {
    List<Path> logs = new ArrayList<>();
    for (int i = 1; i <= starts; i++) {
      logs.add(logDir.resolve(name + "-" + i + ".log"));
    }
    return logs;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public String toString() {
    return name
        + "("
        + kind
        + ", "
        + (host == null ? "" : address())
        + ":"
        + port
        + ", pid "
        + pid()
        + ")";
  }

  /** Builds a {@link ServiceProcess}. */
  public static final class Builder {
    private final ServiceKind kind;
    private final String name;
    private final TestCluster cluster;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Path dataDir;
    private Path logDir;
    private int port;
    private TestHost host;
    private String heap = "256m";
    private boolean quickStart = true;

    private Builder(ServiceKind kind, String name, TestCluster cluster, Path workDir) {
      this.kind = kind;
      this.name = name;
      this.cluster = cluster;
      this.dataDir = workDir.resolve("data").resolve(name);
      this.logDir = workDir.resolve("logs");
    }

    /** Sets a Spring property (passed as {@code --key=value}). */
    public Builder property(String key, Object value) {
      properties.put(key, String.valueOf(value));
      return this;
    }

    /** Sets the maximum heap, e.g. {@code 384m}. */
    public Builder heap(String heap) {
      this.heap = heap;
      return this;
    }

    /**
     * Runs the JVM with the full JIT, as in production (benchmarks), instead of the quick-start
     * C1-only compiler the tests use.
     */
    public Builder fullJit() {
      this.quickStart = false;
      return this;
    }

    /** Fixes the HTTP port instead of picking a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Runs the instance inside a test host (its own network namespace) instead of on 127.0.0.1. */
    public Builder host(TestHost host) {
      this.host = host;
      return this;
    }

    /** Uses another data folder (e.g. to share nothing with a sibling instance). */
    public Builder dataDir(Path dataDir) {
      this.dataDir = dataDir;
      return this;
    }

    public ServiceProcess build() {
      return new ServiceProcess(this);
    }
  }
}
