package io.cachepair.menu.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cachepair.testsupport.db.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The menu's database users on PostgreSQL, as production runs them: Flyway migrates as the owner,
 * the service runs as a user who may read and write rows and draw versions, and nothing else — a
 * compromised service cannot drop, truncate or alter the history or create objects.
 */
class ServiceUserPrivilegesIT {

  private static TestPostgres.Database db;
  private static HikariDataSource owner;
  private static HikariDataSource service;

  @BeforeAll
  static void migrateAsOwner() {
    db = TestPostgres.shared().createDatabase("menu_users");
    owner = MenuDatabases.migrated(MenuDatabases.pool(db.jdbcUrl(), db.username(), db.password()));
    service = MenuDatabases.pool(db.jdbcUrl(), db.serviceUser(), db.servicePassword());
  }

  @AfterAll
  static void close() {
    owner.close();
    service.close();
  }

  @Test
  void serviceUser_readsWritesRowsAndDrawsVersions() throws SQLException {
    try (Connection c = service.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO dish_revision (dish_id, version, name, price_cents, currency, available,"
              + " deleted, updated_at, origin, writer) VALUES ('x', 1, 'X', 1, 'EUR', true, false,"
              + " CURRENT_TIMESTAMP, 'test', 'c-42')");
      s.execute("UPDATE dish_revision SET writer = 'c-43' WHERE dish_id = 'x'");
      s.execute("DELETE FROM dish_revision WHERE dish_id = 'x'");
      assertThat(s.executeQuery("SELECT nextval('dish_version_seq')").next()).isTrue();
    }
  }

  @Test
  void serviceUser_cannotRunDdl() throws SQLException {
    String[] ddl = {
      "CREATE TABLE stolen (id int)",
      "DROP TABLE dish_revision",
      "TRUNCATE dish_revision",
      "ALTER TABLE dish ADD COLUMN evil text",
      "ALTER SEQUENCE dish_version_seq RESTART WITH 1",
      "CREATE INDEX evil ON dish (name)",
      "DROP SEQUENCE dish_version_seq",
      "CREATE FUNCTION evil() RETURNS int AS 'SELECT 1' LANGUAGE sql"
    };
    java.util.List<String> allowed = new java.util.ArrayList<>();
    for (String statement : ddl) {
      try (Connection c = service.getConnection();
          Statement s = c.createStatement()) {
        s.execute(statement);
        allowed.add(statement);
      } catch (SQLException e) {
        assertThat(e.getMessage())
            .as(statement)
            .containsAnyOf("permission denied", "must be owner");
      }
    }
    assertThat(allowed).as("DDL the service user could run").isEmpty();
    // the owner, by contrast, migrated all of it
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      assertThat(s.executeQuery("SELECT count(*) FROM flyway_schema_history").next()).isTrue();
    }
  }
}
