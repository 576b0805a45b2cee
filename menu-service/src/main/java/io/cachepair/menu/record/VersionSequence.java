package io.cachepair.menu.record;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where every dish version comes from: one database sequence shared by all dishes and all menu
 * replicas. Versions are monotonic and never reused — a sequence value is never handed out twice,
 * even when the transaction that drew it rolls back (that leaves a gap, never a duplicate).
 */
@Component
public class VersionSequence {

  private final JdbcTemplate jdbc;
  private final SqlDialect dialect;

  /**
   * Creates the sequence's accessor.
   *
   * @param dataSource the menu database
   * @param jdbc its template
   */
  public VersionSequence(DataSource dataSource, JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dialect = SqlDialect.of(dataSource);
  }

  /** Draws the next version. */
  public long next() {
    Long next = jdbc.queryForObject(dialect.nextVersion, Long.class);
    if (next == null) {
      throw new IllegalStateException("the version sequence returned nothing");
    }
    return next;
  }

  /**
   * Draws several versions in one statement (not necessarily contiguous: other writers draw too).
   *
   * @param count how many
   * @return the versions, ascending
   */
  public List<Long> next(int count) {
    if (count <= 0) {
      return List.of();
    }
    return jdbc.queryForList(dialect.nextVersions, Long.class, count).stream().sorted().toList();
  }

  /**
   * The database's high-water mark: the highest version it ever handed out (0 when none), at least
   * as high as every committed version.
   */
  public long highWater() {
    Long last = jdbc.queryForObject(dialect.lastAllocated, Long.class);
    return last == null ? 0 : last;
  }

  /**
   * Moves the sequence past a version, only ever forward: by drawing values, so that it is safe
   * while other menus draw too (setting the sequence could move it backwards under a race).
   *
   * @param version the version every later draw must exceed
   * @return how many values were drawn to get there
   */
  public long advancePast(long version) {
    long drawn = 0;
    long high = highWater();
    while (high < version) {
      int step = (int) Math.min(version - high, 100_000);
      List<Long> values = next(step);
      drawn += values.size();
      high = Math.max(high, values.get(values.size() - 1));
    }
    return drawn;
  }
}
