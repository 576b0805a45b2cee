package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.jdbc.UtcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dishes in the menu database, tombstones included: the state every menu replica reads and
 * writes.
 *
 * <p>A write locks the rows it changes ({@link #lock}, {@code SELECT … FOR UPDATE}) in its
 * transaction, so concurrent writers of one dish take turns and each draws its version while it
 * holds the lock: on one row, versions grow in commit order. Callers own the transactions.
 */
@Repository
public class DishRepository {

  private static final String COLUMNS =
      "id, name, description, category, price_cents, currency, available, version, updated_at,"
          + " origin, deleted";

  private static final String INSERT =
      "INSERT INTO dish (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String UPDATE =
      "UPDATE dish SET name = ?, description = ?, category = ?, price_cents = ?, currency = ?,"
          + " available = ?, version = ?, updated_at = ?, origin = ?, deleted = ? WHERE id = ?";

  /** Bind-parameter lists are kept below what every database accepts in one IN list. */
  private static final int IN_CHUNK = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  /**
   * Creates the repository.
   *
   * @param jdbc for single-row work
   * @param template for JDBC batches
   */
  public DishRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Finds a dish or its tombstone.
   *
   * @param id the dish id
   * @return the row, deleted or not
   */
  public Optional<Dish> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dish WHERE id = :id")
        .param("id", id)
        .query(DishRepository::map)
        .optional();
  }

  /**
   * Reads a row and locks it until the transaction ends; call it in the write's transaction.
   *
   * @param id the dish id
   * @return the row, deleted or not, or empty when there is none (nothing is locked then)
   */
  public Optional<Dish> lock(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dish WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(DishRepository::map)
        .optional();
  }

  /**
   * Reads and locks many rows, in id order so that two batch writers never deadlock each other.
   *
   * @param ids the ids
   * @return the rows found, by id
   */
  public Map<String, Dish> lockAll(Collection<String> ids) {
    return select(ids, " FOR UPDATE");
  }

  /**
   * Loads many rows, tombstones included.
   *
   * @param ids the ids
   * @return the rows found, by id
   */
  public Map<String, Dish> findAll(Collection<String> ids) {
    return select(ids, "");
  }

  private Map<String, Dish> select(Collection<String> ids, String suffix) {
    Map<String, Dish> found = new HashMap<>();
    List<String> all = new ArrayList<>(new TreeSet<>(ids));
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(from + IN_CHUNK, all.size()));
      jdbc.sql("SELECT " + COLUMNS + " FROM dish WHERE id IN (:ids) ORDER BY id" + suffix)
          .param("ids", chunk)
          .query(DishRepository::map)
          .list()
          .forEach(d -> found.put(d.id(), d));
    }
    return found;
  }

  /**
   * Returns one page of existing dishes ordered by id.
   *
   * @param page zero-based page number
   * @param size page size
   * @return the page
   */
  public List<Dish> livePage(int page, int size) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM dish WHERE deleted = FALSE ORDER BY id LIMIT :size OFFSET :offset")
        .param("size", size)
        .param("offset", (long) page * size)
        .query(DishRepository::map)
        .list();
  }

  /** How many dishes exist (tombstones excluded). */
  public long countLive() {
    return jdbc.sql("SELECT COUNT(*) FROM dish WHERE deleted = FALSE").query(Long.class).single();
  }

  /** How many rows the table holds, tombstones included. */
  public long countAll() {
    return jdbc.sql("SELECT COUNT(*) FROM dish").query(Long.class).single();
  }

  /** The highest version any row holds, 0 when there is none. */
  public long maxVersion() {
    return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM dish").query(Long.class).single();
  }

  /**
   * Reads the next slice of the whole table in id order, for streaming it without holding it all.
   *
   * @param afterId the last id of the previous slice, or {@code ""} to start
   * @param limit the slice size
   * @return up to {@code limit} rows (tombstones included) with ids after {@code afterId}
   */
  public List<Dish> sliceAfter(String afterId, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dish WHERE id > :after ORDER BY id LIMIT :limit")
        .param("after", afterId)
        .param("limit", limit)
        .query(DishRepository::map)
        .list();
  }

  /**
   * Reads tombstones written before a point in time.
   *
   * @param before the horizon
   * @param limit how many at most
   * @return the tombstones, oldest first
   */
  public List<Dish> tombstonesBefore(Instant before, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM dish WHERE deleted = TRUE AND updated_at < :before"
                + " ORDER BY updated_at LIMIT :limit")
        .param("before", UtcTimestamps.of(before))
        .param("limit", limit)
        .query(DishRepository::map)
        .list();
  }

  /**
   * Deletes tombstone rows that still hold exactly the versions read (a re-created dish stays).
   *
   * @param tombstones the tombstones as read
   * @return how many rows went
   */
  public int deleteTombstones(List<Dish> tombstones) {
    int[] counts =
        template.batchUpdate(
            "DELETE FROM dish WHERE id = ? AND version = ? AND deleted = TRUE",
            tombstones.stream().map(d -> new Object[] {d.id(), d.version()}).toList());
    int deleted = 0;
    for (int c : counts) {
      deleted += c > 0 ? c : 0;
    }
    return deleted;
  }

  /**
   * Inserts new rows in JDBC batches; the ids must not exist yet.
   *
   * @param dishes the dishes
   * @throws org.springframework.dao.DuplicateKeyException when another writer inserted one of the
   *     ids meanwhile
   */
  public void insertAll(List<Dish> dishes) {
    if (!dishes.isEmpty()) {
      template.batchUpdate(INSERT, dishes.stream().map(DishRepository::insertArgs).toList());
    }
  }

  /**
   * Overwrites rows the caller has locked ({@link #lock}, {@link #lockAll}).
   *
   * @param dishes the rows' new contents
   */
  public void updateAll(List<Dish> dishes) {
    if (!dishes.isEmpty()) {
      template.batchUpdate(UPDATE, dishes.stream().map(DishRepository::updateArgs).toList());
    }
  }

  private static Object[] insertArgs(Dish d) {
    return new Object[] {
      d.id(),
      d.name(),
      d.description(),
      d.category(),
      d.priceCents(),
      d.currency(),
      d.available(),
      d.version(),
      UtcTimestamps.of(d.updatedAt()),
      d.origin(),
      d.deleted()
    };
  }

  private static Object[] updateArgs(Dish d) {
    return new Object[] {
      d.name(),
      d.description(),
      d.category(),
      d.priceCents(),
      d.currency(),
      d.available(),
      d.version(),
      UtcTimestamps.of(d.updatedAt()),
      d.origin(),
      d.deleted(),
      d.id()
    };
  }

  private static Dish map(ResultSet rs, int row) throws SQLException {
    return Dish.builder(rs.getString("id"))
        .name(rs.getString("name"))
        .description(rs.getString("description"))
        .category(rs.getString("category"))
        .priceCents(rs.getLong("price_cents"))
        .currency(rs.getString("currency"))
        .available(rs.getBoolean("available"))
        .version(rs.getLong("version"))
        .updatedAt(UtcTimestamps.read(rs, "updated_at"))
        .origin(rs.getString("origin"))
        .deleted(rs.getBoolean("deleted"))
        .build();
  }
}
