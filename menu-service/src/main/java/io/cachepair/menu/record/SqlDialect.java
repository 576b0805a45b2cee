package io.cachepair.menu.record;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The few statements that H2 and PostgreSQL spell differently — drawing from a sequence and reading
 * its position; everything else in the menu's SQL is portable.
 */
enum SqlDialect {
  /** PostgreSQL, the production database. */
  POSTGRESQL(
      "SELECT nextval('dish_version_seq')",
      "SELECT nextval('dish_version_seq') FROM generate_series(1, ?)",
      "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM dish_version_seq"),
  /** H2, the zero-install local default. */
  H2(
      "SELECT NEXT VALUE FOR dish_version_seq",
      "SELECT NEXT VALUE FOR dish_version_seq FROM SYSTEM_RANGE(1, ?)",
      "SELECT BASE_VALUE - 1 FROM INFORMATION_SCHEMA.SEQUENCES"
          + " WHERE UPPER(SEQUENCE_NAME) = 'DISH_VERSION_SEQ'");

  final String nextVersion;
  final String nextVersions;
  final String lastAllocated;

  SqlDialect(String nextVersion, String nextVersions, String lastAllocated) {
    this.nextVersion = nextVersion;
    this.nextVersions = nextVersions;
    this.lastAllocated = lastAllocated;
  }

  /**
   * Tells which database a data source talks to.
   *
   * @param dataSource the menu database
   * @return its dialect
   * @throws IllegalStateException for a database this service does not support
   */
  static SqlDialect of(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      if (product.contains("h2")) {
        return H2;
      }
      throw new IllegalStateException(
          "menu-service supports PostgreSQL and H2, not "
              + c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("could not reach the menu database", e);
    }
  }
}
