package io.cachepair.menu.dish;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cachepair.contract.dish.Dish;
import io.cachepair.menu.record.MenuDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** One outbox drained by several menus: claims never overlap, and expired ones are taken over. */
class SharedOutboxIT {

  private HikariDataSource ds;

  @AfterEach
  void close() {
    if (ds != null) {
      ds.close();
    }
  }

  private static Dish dish(String id, long version) {
    return Dish.builder(id)
        .name(id)
        .priceCents(100)
        .currency("EUR")
        .version(version)
        .updatedAt(Instant.parse("2026-12-01T10:00:00Z"))
        .origin("menu-1")
        .build();
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void twoMenusClaimingAtOnce_getDisjointEntries_andAnExpiredClaimIsTakenOver(
      MenuDatabases database) throws Exception {
    ds = database.get();
    DishOutbox outbox = new DishOutbox(JdbcClient.create(ds), new JdbcTemplate(ds));
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    List<Dish> changes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      changes.add(dish("dish-" + i, i + 1));
    }
    outbox.recordAll(changes);

    // menu-1 holds its claim transaction open while menu-2 claims: SKIP LOCKED, not a wait
    List<DishOutbox.Claimed> byMenu2 = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    List<DishOutbox.Claimed> byMenu1 =
        tx.execute(
            status -> {
              List<DishOutbox.Claimed> mine = outbox.claim("menu-1", Duration.ofMinutes(1), 6);
              Thread other =
                  new Thread(
                      () ->
                          byMenu2.addAll(
                              tx.execute(s -> outbox.claim("menu-2", Duration.ofMinutes(1), 10))));
              other.start();
              try {
                other.join(10_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return mine;
            });
    assertThat(failures).isEmpty();
    Set<Long> seqs = new HashSet<>();
    byMenu1.forEach(c -> seqs.add(c.seq()));
    byMenu2.forEach(c -> assertThat(seqs.add(c.seq())).as("claimed twice: %s", c).isTrue());
    assertThat(byMenu1).hasSize(6);
    assertThat(byMenu2).hasSize(4);
    List<DishOutbox.Claimed> none =
        tx.execute(s -> outbox.claim("menu-3", Duration.ofMinutes(1), 10));
    assertThat(none).isEmpty();

    // menu-1 died: once its lease ends, another menu takes its entries
    new JdbcTemplate(ds)
        .update(
            "UPDATE dish_outbox SET claimed_until = ? WHERE claimed_by = 'menu-1'",
            io.cachepair.member.jdbc.UtcTimestamps.of(Instant.now().minusSeconds(1)));
    List<DishOutbox.Claimed> takenOver =
        tx.execute(s -> outbox.claim("menu-3", Duration.ofMinutes(1), 10));
    assertThat(takenOver).hasSize(6);

    outbox.markPublished(changes);
    assertThat(outbox.backlog()).isZero();
  }
}
