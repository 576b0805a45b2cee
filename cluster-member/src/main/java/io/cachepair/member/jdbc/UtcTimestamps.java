package io.cachepair.member.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE} columns, the one way both services and both
 * databases (H2, PostgreSQL) agree on: bound and read as {@link OffsetDateTime} in UTC.
 */
public final class UtcTimestamps {

  private UtcTimestamps() {}

  /**
   * Converts an instant to a bind value.
   *
   * @param instant the instant, or null
   * @return the instant at UTC, or null
   */
  public static OffsetDateTime of(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * Reads a timestamp column.
   *
   * @param rs the result set, positioned on a row
   * @param column the column's name
   * @return the instant, or null when the column is null
   * @throws SQLException when the column cannot be read
   */
  public static Instant read(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
