package io.cachepair.systemtest;

import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.db.TestPostgres;
import io.cachepair.testsupport.netns.TestHost;
import io.cachepair.testsupport.netns.TestNetwork;
import io.cachepair.testsupport.process.ProcessRegistry;
import io.cachepair.testsupport.process.ServiceKind;
import io.cachepair.testsupport.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The service processes of one test class, on a cluster of their own and in the production shape:
 * every menu on one PostgreSQL database, every order replica on another (created on first use on
 * the test JVM's server). It hands out instances, starts several at once, and at the end kills
 * every one of them by PID and checks that none survived. When a test fails it prints where the
 * processes' logs are.
 *
 * <p>{@link #onTestNetwork} fleets run each instance on a test host of its own (a network namespace
 * with a cluster link and a service link, {@link TestNetwork}), as pods on Kubernetes, so a test
 * can partition the cluster for real; their databases are on a PostgreSQL server of the fleet's own
 * that listens on the hosts' service bridge. Without root or {@code ip netns} such a class is
 * skipped with the reason, except under {@code CI=true}, where it fails.
 */
final class ServiceFleet implements BeforeAllCallback, AfterAllCallback, TestWatcher {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

  private final TestCluster cluster;
  private final boolean onNetwork;
  private final Path workDir;
  private TestNetwork network;
  private TestPostgres postgres;
  private final List<ServiceProcess> processes = new ArrayList<>();
  private TestPostgres.Database menuDatabase;
  private TestPostgres.Database orderDatabase;
  private boolean failed;

  ServiceFleet(String testName) {
    this(testName, false);
  }

  private ServiceFleet(String testName, boolean onNetwork) {
    this.onNetwork = onNetwork;
    this.cluster = TestCluster.unique(testName);
    this.workDir =
        Path.of(System.getProperty("cachepair.logs.dir", "target/system-test-logs"))
            .resolve(testName + "-" + cluster.name().substring(cluster.name().lastIndexOf('-') + 1))
            .toAbsolutePath();
  }

  /** A fleet whose instances each run on a test host of their own. */
  static ServiceFleet onTestNetwork(String testName) {
    return new ServiceFleet(testName, true);
  }

  /** The fleet's test network (only for {@link #onTestNetwork} fleets). */
  TestNetwork network() {
    if (network == null) {
      throw new IllegalStateException("not a fleet on a test network");
    }
    return network;
  }

  TestCluster cluster() {
    return cluster;
  }

  Path workDir() {
    return workDir;
  }

  /** A menu on the fleet's menu database, seeding the sample menu into an empty one. */
  ServiceProcess menu(String name, UnaryOperator<ServiceProcess.Builder> config) {
    ServiceProcess.Builder b = builder(ServiceKind.MENU, name);
    menuDatabase().springProperties().forEach(b::property);
    b.property("cachepair.menu.sample-menu", true);
    return add(config.apply(b));
  }

  /** An order replica on the fleet's order database. */
  ServiceProcess order(String name, UnaryOperator<ServiceProcess.Builder> config) {
    ServiceProcess.Builder b = builder(ServiceKind.ORDER, name);
    orderDatabase().springProperties().forEach(b::property);
    return add(config.apply(b));
  }

  private ServiceProcess.Builder builder(ServiceKind kind, String name) {
    ServiceProcess.Builder b = ServiceProcess.builder(kind, name, cluster, workDir);
    if (onNetwork) {
      TestHost host = network().addHost(name);
      b.host(host);
    }
    return b;
  }

  private TestPostgres postgres() {
    return onNetwork ? postgres : TestPostgres.shared();
  }

  /** The database every menu of this fleet shares. */
  synchronized TestPostgres.Database menuDatabase() {
    if (menuDatabase == null) {
      menuDatabase = postgres().createDatabase("menu_" + cluster.name());
    }
    return menuDatabase;
  }

  /** The database every order replica of this fleet shares. */
  synchronized TestPostgres.Database orderDatabase() {
    if (orderDatabase == null) {
      orderDatabase = postgres().createDatabase("orders_" + cluster.name());
    }
    return orderDatabase;
  }

  private ServiceProcess add(ServiceProcess.Builder builder) {
    ServiceProcess p = builder.build();
    processes.add(p);
    return p;
  }

  /** Starts the given instances at once and waits until each is ready. */
  static void startAllReady(ServiceProcess... instances) {
    for (ServiceProcess p : instances) {
      p.start();
    }
    List<CompletableFuture<?>> ready = new ArrayList<>();
    for (ServiceProcess p : instances) {
      ready.add(CompletableFuture.runAsync(() -> p.awaitReady(READY_TIMEOUT)));
    }
    CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (onNetwork) {
      String unavailable = TestNetwork.unavailableBecause();
      if (unavailable != null) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          throw new IllegalStateException(
              "CI=true and test networks are not available here: " + unavailable);
        }
        Assumptions.abort("skipped: " + unavailable);
      }
      network = TestNetwork.create(context.getDisplayName());
      postgres =
          TestPostgres.reachableFrom(network.serviceGateway(), network.serviceSubnet().cidr());
      System.out.printf(
          "[%s] %s; PostgreSQL on %s:%d%n",
          context.getDisplayName(), network, postgres.host(), postgres.port());
    }
    System.out.printf(
        "[%s] cluster %s on 127.0.0.1:%d, work dir %s%n",
        context.getDisplayName(), cluster.name(), cluster.port(), workDir);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    failed = true;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      for (ServiceProcess p : processes) {
        p.kill9();
      }
    } finally {
      if (network != null) {
        network.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
    List<String> survivors = new ArrayList<>();
    for (ServiceProcess p : processes) {
      long pid = p.pid();
      if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        survivors.add(p + " pid " + pid);
      }
    }
    if (failed) {
      System.out.println("[" + context.getDisplayName() + "] process logs kept:");
      processes.forEach(p -> p.logs().forEach(log -> System.out.println("  " + log)));
    }
    if (!survivors.isEmpty() || !ProcessRegistry.alive().isEmpty()) {
      throw new AssertionError(
          "service processes survived the test class: " + survivors + ProcessRegistry.alive());
    }
  }
}
