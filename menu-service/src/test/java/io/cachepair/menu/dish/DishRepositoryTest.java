package io.cachepair.menu.dish;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The repository and outbox on H2 with the real migrations. */
class DishRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private DishRepository dishes;
  private DishOutbox outbox;

  @BeforeEach
  void database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(ds).load().migrate();
    dishes = new DishRepository(JdbcClient.create(ds), new JdbcTemplate(ds));
    outbox = new DishOutbox(JdbcClient.create(ds), new JdbcTemplate(ds));
  }

  private static Dish ramen(long version, Instant at, String origin, long price) {
    return Dish.builder("ramen")
        .name("Tonkotsu Ramen")
        .description("Pork broth")
        .category("ramen")
        .priceCents(price)
        .currency("EUR")
        .version(version)
        .updatedAt(at)
        .origin(origin)
        .build();
  }

  @Test
  void upsertIfNewer_insertsAndRoundTripsEveryField() {
    Dish dish = ramen(1, T0, "menu-a", 1450);
    assertThat(dishes.upsertIfNewer(dish)).isTrue();
    assertThat(dishes.find("ramen")).contains(dish);
  }

  @Test
  void upsertIfNewer_neverGoesBackwards() {
    dishes.upsertIfNewer(ramen(3, T0, "menu-a", 1500));

    assertThat(dishes.upsertIfNewer(ramen(2, T0.plusSeconds(60), "menu-z", 999))).isFalse();
    assertThat(dishes.upsertIfNewer(ramen(3, T0, "menu-a", 999))).isFalse();
    assertThat(dishes.find("ramen").orElseThrow().priceCents()).isEqualTo(1500);

    assertThat(dishes.upsertIfNewer(ramen(4, T0, "menu-a", 1600))).isTrue();
    assertThat(dishes.find("ramen").orElseThrow().priceCents()).isEqualTo(1600);
  }

  @Test
  void upsertIfNewer_equalVersion_isTieBrokenByTimeThenOriginLikeTheCache() {
    dishes.upsertIfNewer(ramen(2, T0, "menu-b", 1000));
    assertThat(dishes.upsertIfNewer(ramen(2, T0, "menu-a", 1100))).isFalse();
    assertThat(dishes.upsertIfNewer(ramen(2, T0, "menu-c", 1200))).isTrue();
    assertThat(dishes.upsertIfNewer(ramen(2, T0.plusMillis(1), "menu-a", 1300))).isTrue();
    assertThat(dishes.find("ramen").orElseThrow().priceCents()).isEqualTo(1300);
  }

  @Test
  void tombstone_staysAsARow_isHiddenFromLiveReads_andAnOlderWriteCannotResurrectIt() {
    Dish live = ramen(2, T0, "menu-a", 1450);
    dishes.upsertIfNewer(live);
    Dish tombstone = live.tombstone(T0.plusSeconds(1), "menu-b");
    assertThat(dishes.upsertIfNewer(tombstone)).isTrue();

    assertThat(dishes.find("ramen")).get().extracting(Dish::deleted).isEqualTo(true);
    assertThat(dishes.findLive("ramen")).isEmpty();
    assertThat(dishes.countLive()).isZero();
    assertThat(dishes.countAll()).isOne();
    assertThat(dishes.livePage(0, 20)).isEmpty();

    assertThat(dishes.upsertIfNewer(live)).isFalse();
    assertThat(dishes.find("ramen").orElseThrow().deleted()).isTrue();
  }

  @Test
  void upsertAllIfNewer_insertsMissing_replacesOlder_keepsNewer() {
    dishes.upsertIfNewer(ramen(5, T0, "menu-a", 1500));
    Dish miso =
        Dish.builder("miso-soup")
            .name("Miso")
            .priceCents(450)
            .currency("EUR")
            .version(1)
            .updatedAt(T0)
            .origin("menu-b")
            .build();
    Dish gyoza =
        Dish.builder("gyoza")
            .name("Gyoza")
            .priceCents(750)
            .currency("EUR")
            .version(2)
            .updatedAt(T0)
            .origin("menu-b")
            .build();
    dishes.upsertIfNewer(gyoza.toBuilder().version(1).priceCents(700).build());

    int written = dishes.upsertAllIfNewer(List.of(ramen(4, T0, "menu-b", 1), miso, gyoza));

    assertThat(written).isEqualTo(2);
    assertThat(dishes.find("ramen").orElseThrow().priceCents()).isEqualTo(1500);
    assertThat(dishes.find("miso-soup")).contains(miso);
    assertThat(dishes.find("gyoza")).contains(gyoza);
  }

  @Test
  void replace_isCompareAndSetOnTheRevisionRead() {
    Dish v1 = ramen(1, T0, "menu-a", 1450);
    dishes.upsertIfNewer(v1);
    Dish v2 = ramen(2, T0.plusSeconds(1), "menu-a", 1500);
    assertThat(dishes.replace(v1, v2)).isTrue();
    // a second writer that also read v1 loses instead of overwriting v2
    assertThat(dishes.replace(v1, ramen(2, T0.plusSeconds(2), "menu-a", 9999))).isFalse();
    assertThat(dishes.find("ramen")).contains(v2);
  }

  @Test
  void sliceAfter_streamsTheWholeTableInIdOrder_tombstonesIncluded() {
    for (int i = 0; i < 25; i++) {
      dishes.insertAll(
          List.of(
              Dish.builder(String.format("dish-%02d", i))
                  .name("Dish " + i)
                  .priceCents(i)
                  .currency("EUR")
                  .version(1)
                  .updatedAt(T0)
                  .origin("a")
                  .deleted(i % 5 == 0)
                  .build()));
    }
    List<String> seen = new java.util.ArrayList<>();
    String after = "";
    for (List<Dish> slice; !(slice = dishes.sliceAfter(after, 10)).isEmpty(); ) {
      slice.forEach(d -> seen.add(d.id()));
      after = slice.get(slice.size() - 1).id();
    }
    assertThat(seen).hasSize(25).isSorted();
    assertThat(dishes.countLive()).isEqualTo(20);
    assertThat(dishes.livePage(1, 15)).hasSize(5);
  }

  @Test
  void outbox_entriesStayUnpublishedUntilTheirVersionOrANewerOneIsPublished() {
    Dish v1 = ramen(1, T0, "menu-a", 1450);
    Dish v2 = ramen(2, T0.plusSeconds(1), "menu-a", 1500);
    outbox.recordAll(List.of(v1));
    outbox.recordAll(List.of(v2));
    assertThat(outbox.backlog()).isEqualTo(2);
    assertThat(outbox.unpublishedDishIds(10)).containsExactly("ramen");

    outbox.markPublished(List.of(v1));
    assertThat(outbox.backlog()).isOne();

    outbox.markPublished(List.of(v2));
    assertThat(outbox.backlog()).isZero();
    assertThat(outbox.unpublishedDishIds(10)).isEmpty();
    assertThat(outbox.purgePublishedBefore(Instant.now().plusSeconds(1))).isEqualTo(2);
  }
}
