package io.cachepair.menu.dish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IfMatchTest {

  private static final Dish VERSION_3 =
      Dish.builder("miso-soup")
          .name("Miso Soup")
          .priceCents(450)
          .currency("EUR")
          .version(3)
          .updatedAt(Instant.parse("2026-12-01T10:00:00Z"))
          .origin("menu-a")
          .build();

  @Test
  void absentHeader_matchesAnything() {
    var condition = DishService.IfMatch.parse(null);
    assertThat(condition.isPresent()).isFalse();
    assertThatCode(() -> condition.check(VERSION_3)).doesNotThrowAnyException();
  }

  @Test
  void currentVersion_matches_strongOrWeakOrInAList() {
    assertThatCode(() -> DishService.IfMatch.parse("\"3\"").check(VERSION_3))
        .doesNotThrowAnyException();
    assertThatCode(() -> DishService.IfMatch.parse("W/\"3\"").check(VERSION_3))
        .doesNotThrowAnyException();
    assertThatCode(() -> DishService.IfMatch.parse("\"1\", \"3\"").check(VERSION_3))
        .doesNotThrowAnyException();
    assertThatCode(() -> DishService.IfMatch.parse("*").check(VERSION_3))
        .doesNotThrowAnyException();
  }

  @Test
  void otherVersion_is412WithTheCurrentEtag() {
    assertThatThrownBy(() -> DishService.IfMatch.parse("\"2\"").check(VERSION_3))
        .isInstanceOf(DishVersionMismatchProblem.class)
        .hasMessage(
            "If-Match \"2\" does not match the current version of dish 'miso-soup' (ETag \"3\")");
  }

  @Test
  void malformedHeader_is400NamingTheHeader() {
    assertThatThrownBy(() -> DishService.IfMatch.parse("3"))
        .isInstanceOf(InvalidDishProblem.class)
        .hasMessageStartingWith("If-Match: '3' is not an ETag of this API");
    assertThatThrownBy(() -> DishService.IfMatch.parse("\"abc\""))
        .isInstanceOf(InvalidDishProblem.class);
  }
}
