package io.cachepair.menu.preload;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Predicate<Dish> NOTHING_COMMITTED = d -> false;
  private static final Predicate<Dish> ALL_COMMITTED = d -> true;

  private static Dish dish(long version, long price) {
    return Dish.builder("ramen")
        .name("Ramen")
        .priceCents(price)
        .currency("EUR")
        .version(version)
        .updatedAt(T0)
        .origin("menu-1")
        .build();
  }

  @Test
  void onlyInDatabase_goesToTheCache() {
    assertThat(Reconciliation.decide(dish(1, 1400), null, NOTHING_COMMITTED))
        .isEqualTo(Reconciliation.TO_CACHE);
  }

  @Test
  void onlyInCluster_isForeign_neverCopiedIntoTheDatabase() {
    assertThat(Reconciliation.decide(null, dish(1, 1400), ALL_COMMITTED))
        .isEqualTo(Reconciliation.FOREIGN);
  }

  @Test
  void newerRow_goesToTheCache() {
    assertThat(Reconciliation.decide(dish(3, 1500), dish(2, 1400), NOTHING_COMMITTED))
        .isEqualTo(Reconciliation.TO_CACHE);
  }

  @Test
  void sameRevision_isInSync() {
    assertThat(Reconciliation.decide(dish(2, 1400), dish(2, 1400), NOTHING_COMMITTED))
        .isEqualTo(Reconciliation.IN_SYNC);
  }

  @Test
  void sameVersionOtherContent_isForeign() {
    assertThat(Reconciliation.decide(dish(2, 1400), dish(2, 9999), ALL_COMMITTED))
        .isEqualTo(Reconciliation.FOREIGN);
  }

  @Test
  void newerInCluster_isInSyncOnlyWhenTheDatabaseCommittedIt() {
    assertThat(Reconciliation.decide(dish(2, 1400), dish(5, 1500), ALL_COMMITTED))
        .isEqualTo(Reconciliation.IN_SYNC);
    assertThat(Reconciliation.decide(dish(2, 1400), dish(5, 1500), NOTHING_COMMITTED))
        .isEqualTo(Reconciliation.FOREIGN);
  }

  @Test
  void olderRowCannotResurrectADeletedDish() {
    Dish row = dish(2, 1400);
    Dish tombstone = row.toBuilder().version(3).deleted(true).build();
    assertThat(Reconciliation.decide(row, tombstone, ALL_COMMITTED))
        .isNotEqualTo(Reconciliation.TO_CACHE);
  }
}
