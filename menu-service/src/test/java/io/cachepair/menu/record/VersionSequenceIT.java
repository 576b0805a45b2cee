package io.cachepair.menu.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The version sequence, the identity and the migration to the shared database, on both. */
class VersionSequenceIT {

  private HikariDataSource ds;
  private ExecutorService pool;

  @AfterEach
  void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (ds != null) {
      ds.close();
    }
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void draws_neverRepeat_andAdvancingOnlyEverMovesForward_whileOthersDraw(MenuDatabases database)
      throws Exception {
    ds = database.get();
    VersionSequence versions = new VersionSequence(ds, new JdbcTemplate(ds));
    pool = Executors.newFixedThreadPool(4);
    List<Future<List<Long>>> draws = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      draws.add(
          pool.submit(
              () -> {
                List<Long> mine = new ArrayList<>();
                for (int n = 0; n < 200; n++) {
                  mine.add(versions.next());
                }
                mine.addAll(versions.next(50));
                return mine;
              }));
    }
    Future<Long> advance = pool.submit(() -> versions.advancePast(500));
    Set<Long> seen = new HashSet<>();
    for (Future<List<Long>> draw : draws) {
      for (long v : draw.get()) {
        assertThat(seen.add(v)).as("version %d drawn twice", v).isTrue();
      }
    }
    advance.get();
    assertThat(versions.highWater()).isGreaterThanOrEqualTo(Math.max(500, seen.size()));
    long high = versions.highWater();
    assertThat(versions.advancePast(10)).isZero();
    assertThat(versions.highWater()).isEqualTo(high);
    assertThat(versions.next()).isGreaterThan(high);
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void identity_isCreatedOnce_evenByMenusStartingTogether(MenuDatabases database) throws Exception {
    ds = database.get();
    pool = Executors.newFixedThreadPool(4);
    List<Future<String>> identities = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      identities.add(pool.submit(() -> new MenuDatabase(JdbcClient.create(ds)).identity()));
    }
    Set<String> distinct = new HashSet<>();
    for (Future<String> identity : identities) {
      distinct.add(identity.get());
    }
    assertThat(distinct).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void migrationFromPerMenuDatabases_keepsEveryRowAsHistory(MenuDatabases database) {
    String url;
    if (database == MenuDatabases.H2) {
      url = "jdbc:h2:mem:migrate-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      ds = MenuDatabases.pool(url, "sa", "");
    } else {
      var db = io.cachepair.testsupport.db.TestPostgres.shared().createDatabase("menu_migration");
      ds = MenuDatabases.pool(db.jdbcUrl(), db.username(), db.password());
    }
    MenuDatabases.migrateTo(ds, "1");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.update(
        "INSERT INTO dish (id, name, price_cents, currency, available, version, updated_at,"
            + " origin, deleted) VALUES ('ramen', 'Ramen', 1400, 'EUR', TRUE, 7, ?, 'menu-old',"
            + " FALSE)",
        io.cachepair.member.jdbc.UtcTimestamps.of(Instant.parse("2026-12-01T10:00:00Z")));
    MenuDatabases.migrated(ds);
    assertThat(new DishRevisions(JdbcClient.create(ds), jdbc).find("ramen", 7))
        .hasValueSatisfying(d -> assertThat(d.priceCents()).isEqualTo(1400));
    VersionSequence versions = new VersionSequence(ds, jdbc);
    versions.advancePast(7);
    assertThat(versions.next()).isGreaterThan(7);
  }

  @ParameterizedTest
  @EnumSource(MenuDatabases.class)
  void revisionPurge_keepsEachDishsNewest(MenuDatabases database) {
    ds = database.get();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    DishRevisions revisions = new DishRevisions(JdbcClient.create(ds), jdbc);
    Instant old = Instant.parse("2020-01-01T00:00:00Z");
    revisions.record(
        List.of(
            dish("ramen", 1, old),
            dish("ramen", 2, old),
            dish("gyoza", 3, old),
            dish("ramen", 4, Instant.now())),
        "test");
    assertThat(revisions.purgeBefore(Instant.now().minusSeconds(3600))).isEqualTo(2);
    assertThat(revisions.find("ramen", 4)).isPresent();
    assertThat(revisions.find("gyoza", 3)).as("newest of its dish, however old").isPresent();
    assertThat(revisions.find("ramen", 1)).isEmpty();
  }

  private static io.cachepair.contract.dish.Dish dish(String id, long version, Instant at) {
    return io.cachepair.contract.dish.Dish.builder(id)
        .name(id)
        .priceCents(100 * version)
        .currency("EUR")
        .version(version)
        .updatedAt(at)
        .origin("menu-1")
        .build();
  }
}
