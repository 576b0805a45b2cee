package io.cachepair.menu.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A refused publish counts as published only when the cluster holds the database's revision. */
class PublishCheckTest {

  private static Dish dish(long version, long price) {
    return Dish.builder("ramen")
        .name("Ramen")
        .priceCents(price)
        .currency("EUR")
        .version(version)
        .updatedAt(Instant.parse("2026-12-01T10:00:00Z"))
        .origin("menu-1")
        .build();
  }

  @Test
  void sameRevisionHeld_isSettled() {
    assertThat(PublishCheck.of(dish(4, 100), dish(4, 100), d -> false))
        .isEqualTo(PublishCheck.SETTLED);
  }

  @Test
  void sameVersionOtherContent_isForeign() {
    assertThat(PublishCheck.of(dish(4, 100), dish(4, 200), d -> true))
        .isEqualTo(PublishCheck.FOREIGN);
  }

  @Test
  void newerRevisionHeld_isSettledOnlyWhenTheDatabaseCommittedIt() {
    assertThat(PublishCheck.of(dish(4, 100), dish(9, 200), d -> true))
        .isEqualTo(PublishCheck.SETTLED);
    assertThat(PublishCheck.of(dish(4, 100), dish(9, 200), d -> false))
        .isEqualTo(PublishCheck.FOREIGN);
  }

  @Test
  void nothingOrOlderHeld_isRetried() {
    assertThat(PublishCheck.of(dish(4, 100), null, d -> true)).isEqualTo(PublishCheck.RETRY);
    assertThat(PublishCheck.of(dish(4, 100), dish(3, 100), d -> true))
        .isEqualTo(PublishCheck.RETRY);
  }
}
