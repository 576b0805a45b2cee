package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.jdbc.UtcTimestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of dish changes: written in the transaction of the change, so a change that reached
 * the database is never lost for the cluster even when publishing it failed.
 *
 * <p>An entry is satisfied by publishing the dish's current row: the cluster keeps the newest
 * revision, so publishing version 5 also settles pending entries for versions 3 and 4.
 */
@Repository
public class DishOutbox {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  /**
   * Creates the outbox.
   *
   * @param jdbc for single statements
   * @param template for JDBC batches
   */
  public DishOutbox(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Records changes as unpublished; call it in the transaction that wrote them.
   *
   * @param dishes the written dishes or tombstones
   */
  public void recordAll(Collection<Dish> dishes) {
    var now = UtcTimestamps.of(Instant.now());
    template.batchUpdate(
        "INSERT INTO dish_outbox (dish_id, version, recorded_at) VALUES (?, ?, ?)",
        dishes.stream().map(d -> new Object[] {d.id(), d.version(), now}).toList());
  }

  /**
   * Marks every unpublished entry of these dishes up to their published versions as published.
   *
   * @param published the dishes the cluster now holds (or holds something newer than)
   */
  public void markPublished(Collection<Dish> published) {
    if (published.isEmpty()) {
      return;
    }
    var now = UtcTimestamps.of(Instant.now());
    template.batchUpdate(
        "UPDATE dish_outbox SET published_at = ?"
            + " WHERE published_at IS NULL AND dish_id = ? AND version <= ?",
        published.stream().map(d -> new Object[] {now, d.id(), d.version()}).toList());
  }

  /**
   * The ids of dishes with unpublished entries, oldest first.
   *
   * @param limit how many at most
   * @return the ids
   */
  public List<String> unpublishedDishIds(int limit) {
    return jdbc.sql(
            "SELECT dish_id FROM dish_outbox WHERE published_at IS NULL"
                + " GROUP BY dish_id ORDER BY MIN(seq) LIMIT :limit")
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** How many entries wait to be published. */
  public long backlog() {
    return jdbc.sql("SELECT COUNT(*) FROM dish_outbox WHERE published_at IS NULL")
        .query(Long.class)
        .single();
  }

  /**
   * Deletes published entries older than a point in time.
   *
   * @param before entries published before it go
   * @return how many went
   */
  public int purgePublishedBefore(Instant before) {
    return jdbc.sql("DELETE FROM dish_outbox WHERE published_at IS NOT NULL AND published_at < :b")
        .param("b", UtcTimestamps.of(before))
        .update();
  }
}
