package io.cachepair.menu.preload;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static Dish dish(long version, Instant at, String origin) {
    return Dish.builder("ramen")
        .name("Ramen")
        .priceCents(1400)
        .currency("EUR")
        .version(version)
        .updatedAt(at)
        .origin(origin)
        .build();
  }

  @Test
  void onlyInDatabase_goesToTheCache() {
    assertThat(Reconciliation.decide(dish(1, T0, "a"), null)).isEqualTo(Reconciliation.TO_CACHE);
  }

  @Test
  void onlyInCluster_comesIntoTheDatabase() {
    assertThat(Reconciliation.decide(null, dish(1, T0, "a"))).isEqualTo(Reconciliation.TO_DATABASE);
  }

  @Test
  void higherVersionWins_onEitherSide() {
    assertThat(Reconciliation.decide(dish(3, T0, "a"), dish(2, T0.plusSeconds(60), "z")))
        .isEqualTo(Reconciliation.TO_CACHE);
    assertThat(Reconciliation.decide(dish(2, T0.plusSeconds(60), "z"), dish(3, T0, "a")))
        .isEqualTo(Reconciliation.TO_DATABASE);
  }

  @Test
  void equalVersions_areTieBrokenByTimeThenOrigin() {
    assertThat(Reconciliation.decide(dish(2, T0.plusMillis(1), "a"), dish(2, T0, "z")))
        .isEqualTo(Reconciliation.TO_CACHE);
    assertThat(Reconciliation.decide(dish(2, T0, "menu-a"), dish(2, T0, "menu-b")))
        .isEqualTo(Reconciliation.TO_DATABASE);
  }

  @Test
  void tombstoneInCluster_newerThanTheRow_deletesItHere() {
    Dish row = dish(2, T0, "a");
    Dish tombstone = row.tombstone(T0.plusSeconds(5), "b");
    assertThat(Reconciliation.decide(row, tombstone)).isEqualTo(Reconciliation.TO_DATABASE);
  }

  @Test
  void tombstoneHere_newerThanTheClusterEntry_deletesItThere() {
    Dish entry = dish(2, T0, "a");
    assertThat(Reconciliation.decide(entry.tombstone(T0.plusSeconds(5), "b"), entry))
        .isEqualTo(Reconciliation.TO_CACHE);
  }

  @Test
  void olderRowCannotResurrectADeletedDish() {
    Dish row = dish(2, T0, "a");
    assertThat(Reconciliation.decide(row, row.tombstone(T0.plusSeconds(5), "b")))
        .isNotEqualTo(Reconciliation.TO_CACHE);
  }

  @Test
  void sameRevision_isInSync() {
    assertThat(Reconciliation.decide(dish(2, T0, "a"), dish(2, T0, "a")))
        .isEqualTo(Reconciliation.IN_SYNC);
  }
}
