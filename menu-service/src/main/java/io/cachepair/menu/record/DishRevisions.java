package io.cachepair.menu.record;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.jdbc.UtcTimestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The history of every committed dish revision, written in the transaction of the write: what each
 * version of each dish held, when and by whom. A cluster entry is the database's when its revision
 * is here with the same content.
 */
@Repository
public class DishRevisions {

  private static final String COLUMNS =
      "dish_id, version, name, description, category, price_cents, currency, available, deleted,"
          + " updated_at, origin, writer";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  /**
   * Creates the history.
   *
   * @param jdbc for single statements
   * @param template for batches
   */
  public DishRevisions(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Records committed revisions; call it in the transaction that wrote them.
   *
   * @param dishes the written dishes or tombstones
   * @param writer who asked for the write (a token's subject), or null when the system did
   */
  public void record(Collection<Dish> dishes, String writer) {
    template.batchUpdate(
        "INSERT INTO dish_revision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        dishes.stream()
            .map(
                d ->
                    new Object[] {
                      d.id(),
                      d.version(),
                      d.name(),
                      d.description(),
                      d.category(),
                      d.priceCents(),
                      d.currency(),
                      d.available(),
                      d.deleted(),
                      UtcTimestamps.of(d.updatedAt()),
                      d.origin(),
                      writer
                    })
            .toList());
  }

  /**
   * Reads one revision.
   *
   * @param dishId the dish
   * @param version the version
   * @return the revision as committed, or empty when this database never wrote it
   */
  public Optional<Dish> find(String dishId, long version) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM dish_revision WHERE dish_id = :id AND version = :v")
        .param("id", dishId)
        .param("v", version)
        .query(
            (rs, n) ->
                Dish.builder(rs.getString("dish_id"))
                    .name(rs.getString("name"))
                    .description(rs.getString("description"))
                    .category(rs.getString("category"))
                    .priceCents(rs.getLong("price_cents"))
                    .currency(rs.getString("currency"))
                    .available(rs.getBoolean("available"))
                    .deleted(rs.getBoolean("deleted"))
                    .version(rs.getLong("version"))
                    .updatedAt(UtcTimestamps.read(rs, "updated_at"))
                    .origin(rs.getString("origin"))
                    .build())
        .optional();
  }

  /**
   * Tells whether a dish (as a cluster holds it) is a revision this database committed.
   *
   * @param held the dish or tombstone as held elsewhere
   * @return whether the same revision with the same content is in the history
   */
  public boolean committed(Dish held) {
    return find(held.id(), held.version()).map(held::equals).orElse(false);
  }

  /**
   * Deletes revisions older than a point in time, always keeping each dish's newest one.
   *
   * @param before revisions written before it go
   * @return how many went
   */
  public int purgeBefore(Instant before) {
    return jdbc.sql(
            "DELETE FROM dish_revision r WHERE r.updated_at < :before"
                + " AND r.version < (SELECT MAX(n.version) FROM dish_revision n"
                + " WHERE n.dish_id = r.dish_id)")
        .param("before", UtcTimestamps.of(before))
        .update();
  }
}
