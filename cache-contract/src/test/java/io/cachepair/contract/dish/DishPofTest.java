package io.cachepair.contract.dish;

import static org.assertj.core.api.Assertions.assertThat;

import com.tangosol.io.pof.ConfigurablePofContext;
import com.tangosol.util.Binary;
import com.tangosol.util.ExternalizableHelper;
import io.cachepair.contract.CacheNames;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DishPofTest {

  static final ConfigurablePofContext POF = new ConfigurablePofContext(CacheNames.POF_CONFIG);

  static Dish tuna(long version) {
    return Dish.builder("spicy-tuna-roll")
        .name("Spicy Tuna Roll")
        .description("tuna, chili mayo")
        .category("sushi")
        .priceCents(1250)
        .currency("EUR")
        .version(version)
        .updatedAt(Instant.parse("2026-12-01T10:15:30.123456Z"))
        .origin("menu-a")
        .build();
  }

  @Test
  void dish_roundTripsThroughPof_withMillisecondTime() {
    Dish dish = tuna(3);
    Binary binary = ExternalizableHelper.toBinary(dish, POF);
    Dish back = ExternalizableHelper.fromBinary(binary, POF);
    assertThat(back).isEqualTo(dish);
    assertThat(back.updatedAt()).isEqualTo(Instant.parse("2026-12-01T10:15:30.123Z"));
  }

  @Test
  void tombstone_isTheNextVersion_markedDeleted() {
    Dish tombstone = tuna(3).tombstone(Instant.parse("2026-12-02T00:00:00Z"), "menu-b");
    assertThat(tombstone.version()).isEqualTo(4);
    assertThat(tombstone.deleted()).isTrue();
    assertThat(tombstone.origin()).isEqualTo("menu-b");
    assertThat(tombstone.revision().isNewerThan(tuna(3).revision())).isTrue();
  }

  @Test
  void revision_ordersByVersionThenTimeThenOrigin() {
    DishRevision v2 = new DishRevision(2, 100, "b");
    assertThat(new DishRevision(3, 0, "a").isNewerThan(v2)).isTrue();
    assertThat(new DishRevision(2, 101, "a").isNewerThan(v2)).isTrue();
    assertThat(new DishRevision(2, 100, "c").isNewerThan(v2)).isTrue();
    assertThat(new DishRevision(2, 100, "b").isNewerThan(v2)).isFalse();
    assertThat(new DishRevision(2, 100, "a").isNewerThan(v2)).isFalse();
    assertThat(v2.isNewerThan(null)).isTrue();
  }
}
