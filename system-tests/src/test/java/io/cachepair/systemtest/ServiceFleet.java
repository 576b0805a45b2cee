package io.cachepair.systemtest;

import io.cachepair.testsupport.cluster.TestCluster;
import io.cachepair.testsupport.db.TestPostgres;
import io.cachepair.testsupport.process.ProcessRegistry;
import io.cachepair.testsupport.process.ServiceKind;
import io.cachepair.testsupport.process.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
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
 */
final class ServiceFleet implements BeforeAllCallback, AfterAllCallback, TestWatcher {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

  private final TestCluster cluster;
  private final Path workDir;
  private final List<ServiceProcess> processes = new ArrayList<>();
  private TestPostgres.Database menuDatabase;
  private TestPostgres.Database orderDatabase;
  private boolean failed;

  ServiceFleet(String testName) {
    this.cluster = TestCluster.unique(testName);
    this.workDir =
        Path.of(System.getProperty("cachepair.logs.dir", "target/system-test-logs"))
            .resolve(testName + "-" + cluster.name().substring(cluster.name().lastIndexOf('-') + 1))
            .toAbsolutePath();
  }

  TestCluster cluster() {
    return cluster;
  }

  Path workDir() {
    return workDir;
  }

  /** A menu on the fleet's menu database, seeding the sample menu into an empty one. */
  ServiceProcess menu(String name, UnaryOperator<ServiceProcess.Builder> config) {
    ServiceProcess.Builder b = ServiceProcess.builder(ServiceKind.MENU, name, cluster, workDir);
    menuDatabase().springProperties().forEach(b::property);
    b.property("cachepair.menu.sample-menu", true);
    return add(config.apply(b));
  }

  /** An order replica on the fleet's order database. */
  ServiceProcess order(String name, UnaryOperator<ServiceProcess.Builder> config) {
    ServiceProcess.Builder b = ServiceProcess.builder(ServiceKind.ORDER, name, cluster, workDir);
    orderDatabase().springProperties().forEach(b::property);
    return add(config.apply(b));
  }

  /** The database every menu of this fleet shares. */
  synchronized TestPostgres.Database menuDatabase() {
    if (menuDatabase == null) {
      menuDatabase = TestPostgres.shared().createDatabase("menu_" + cluster.name());
    }
    return menuDatabase;
  }

  /** The database every order replica of this fleet shares. */
  synchronized TestPostgres.Database orderDatabase() {
    if (orderDatabase == null) {
      orderDatabase = TestPostgres.shared().createDatabase("orders_" + cluster.name());
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
    for (ServiceProcess p : processes) {
      p.kill9();
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
