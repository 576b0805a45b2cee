package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.member.jdbc.UtcTimestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of dish changes, shared by every menu replica: written in the transaction of the
 * change, so a change that reached the database is never lost for the cluster even when publishing
 * it failed or its menu died right after the commit.
 *
 * <p>An entry is satisfied by publishing the dish's current row: the cluster keeps the newest
 * revision, so publishing version 5 also settles pending entries for versions 3 and 4. Menus that
 * retry the backlog {@link #claim} entries for a while, skipping those another menu holds, so no
 * two menus do the same work at once; a claim that expires (its menu died) is taken by another.
 */
@Repository
public class DishOutbox {

  /** An unpublished entry claimed by this menu: its sequence number and dish. */
  public record Claimed(long seq, String dishId) {}

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
   * Claims up to {@code limit} unpublished entries that nobody holds, oldest first; call it in a
   * short transaction of its own. Entries another menu has locked right now are skipped, not waited
   * for.
   *
   * @param menu who claims (for the record)
   * @param lease how long the claim holds
   * @param limit how many at most
   * @return the claimed entries
   */
  public List<Claimed> claim(String menu, Duration lease, int limit) {
    Instant now = Instant.now();
    List<Claimed> claimed =
        jdbc.sql(
                "SELECT seq, dish_id FROM dish_outbox WHERE published_at IS NULL"
                    + " AND (claimed_until IS NULL OR claimed_until < :now)"
                    + " ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED")
            .param("now", UtcTimestamps.of(now))
            .param("limit", limit)
            .query((rs, n) -> new Claimed(rs.getLong("seq"), rs.getString("dish_id")))
            .list();
    if (!claimed.isEmpty()) {
      template.batchUpdate(
          "UPDATE dish_outbox SET claimed_by = ?, claimed_until = ? WHERE seq = ?",
          claimed.stream()
              .map(c -> new Object[] {menu, UtcTimestamps.of(now.plus(lease)), c.seq()})
              .toList());
    }
    return claimed;
  }

  /**
   * Marks every unpublished entry of these dishes up to their versions as published.
   *
   * @param published dishes the cluster now holds (or holds a newer committed revision of)
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
   * Gives claimed entries back at once (publishing them failed), so the next pass retries them.
   *
   * @param entries the entries
   */
  public void release(Collection<Claimed> entries) {
    if (!entries.isEmpty()) {
      template.batchUpdate(
          "UPDATE dish_outbox SET claimed_by = NULL, claimed_until = NULL"
              + " WHERE seq = ? AND published_at IS NULL",
          entries.stream().map(c -> new Object[] {c.seq()}).toList());
    }
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
