package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.contract.dish.DishRevision;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The menu's dishes in its database, tombstones included.
 *
 * <p>Writes that come from elsewhere (the cluster, another menu) go through {@link
 * #upsertIfNewer(Dish)}: the revision comparison happens here in Java with {@link DishRevision},
 * the same total order the cache uses, and the row is then replaced by compare-and-set on the
 * revision it was compared with, so an older revision never overwrites a newer one, whatever the
 * database's collation and whoever writes concurrently.
 */
@Repository
public class DishRepository {

  private static final String COLUMNS =
      "id, name, description, category, price_cents, currency, available, version, updated_at,"
          + " origin, deleted";

  private static final String INSERT =
      "INSERT INTO dish (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String REPLACE =
      "UPDATE dish SET name = ?, description = ?, category = ?, price_cents = ?, currency = ?,"
          + " available = ?, version = ?, updated_at = ?, origin = ?, deleted = ?"
          + " WHERE id = ? AND version = ? AND updated_at = ? AND origin = ?";

  /** Bind-parameter lists are kept below what every database accepts in one IN list. */
  private static final int IN_CHUNK = 1000;

  private static final int CAS_ATTEMPTS = 5;

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
   * Finds a dish that exists (is not deleted).
   *
   * @param id the dish id
   * @return the dish, or empty when unknown or deleted
   */
  public Optional<Dish> findLive(String id) {
    return find(id).filter(d -> !d.deleted());
  }

  /**
   * Loads many rows, tombstones included.
   *
   * @param ids the ids
   * @return the rows found, by id
   */
  public Map<String, Dish> findAll(Collection<String> ids) {
    Map<String, Dish> found = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(from + IN_CHUNK, all.size()));
      jdbc.sql("SELECT " + COLUMNS + " FROM dish WHERE id IN (:ids)")
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

  /** Every id in the table, tombstones included. */
  public List<String> allIds() {
    return jdbc.sql("SELECT id FROM dish").query(String.class).list();
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
   * Inserts new rows in JDBC batches; the ids must not exist yet.
   *
   * @param dishes the dishes
   */
  public void insertAll(List<Dish> dishes) {
    if (!dishes.isEmpty()) {
      template.batchUpdate(INSERT, dishes.stream().map(DishRepository::insertArgs).toList());
    }
  }

  /**
   * Replaces a row if it still holds the revision the caller read (compare-and-set).
   *
   * @param current the row as the caller read it
   * @param next what to write
   * @return whether the row was replaced; {@code false} when someone changed it meanwhile
   */
  public boolean replace(Dish current, Dish next) {
    return template.update(REPLACE, replaceArgs(current.revision(), next)) == 1;
  }

  /**
   * Replaces many rows by compare-and-set in JDBC batches.
   *
   * @param replacements pairs of (row as read, row to write)
   * @return for each pair in order, whether it was replaced
   */
  public boolean[] replaceAll(List<Map.Entry<Dish, Dish>> replacements) {
    boolean[] applied = new boolean[replacements.size()];
    if (replacements.isEmpty()) {
      return applied;
    }
    int[] counts =
        template.batchUpdate(
            REPLACE,
            replacements.stream()
                .map(r -> replaceArgs(r.getKey().revision(), r.getValue()))
                .toList());
    for (int i = 0; i < counts.length; i++) {
      // drivers that rewrite batches may answer SUCCESS_NO_INFO (-2) instead of a count
      applied[i] = counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO;
    }
    return applied;
  }

  /**
   * Writes a dish (or tombstone) that was made elsewhere, only if it is newer than the row.
   *
   * @param dish the dish
   * @return whether it was written; {@code false} when the row holds the same or a newer revision
   */
  public boolean upsertIfNewer(Dish dish) {
    for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      Optional<Dish> current = find(dish.id());
      if (current.isEmpty()) {
        template.update(INSERT, insertArgs(dish));
        return true;
      }
      if (!dish.revision().isNewerThan(current.get().revision())) {
        return false;
      }
      if (replace(current.get(), dish)) {
        return true;
      }
    }
    throw new IllegalStateException(
        "dish " + dish.id() + " kept changing; gave up after " + CAS_ATTEMPTS + " attempts");
  }

  /**
   * The batch form of {@link #upsertIfNewer(Dish)}: one read of the current revisions, one insert
   * batch, one compare-and-set batch, and a per-row retry for rows that changed meanwhile.
   *
   * @param dishes dishes or tombstones made elsewhere, at most one per id
   * @return how many were written
   */
  public int upsertAllIfNewer(Collection<Dish> dishes) {
    Map<String, Dish> current = findAll(dishes.stream().map(Dish::id).toList());
    List<Dish> inserts = new ArrayList<>();
    List<Map.Entry<Dish, Dish>> replacements = new ArrayList<>();
    for (Dish dish : dishes) {
      Dish held = current.get(dish.id());
      if (held == null) {
        inserts.add(dish);
      } else if (dish.revision().isNewerThan(held.revision())) {
        replacements.add(Map.entry(held, dish));
      }
    }
    insertAll(inserts);
    int written = inserts.size();
    boolean[] applied = replaceAll(replacements);
    for (int i = 0; i < applied.length; i++) {
      if (applied[i] || upsertIfNewer(replacements.get(i).getValue())) {
        written++;
      }
    }
    return written;
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

  private static Object[] replaceArgs(DishRevision expected, Dish d) {
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
      d.id(),
      expected.version(),
      UtcTimestamps.of(Instant.ofEpochMilli(expected.updatedAtMillis())),
      expected.origin()
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
