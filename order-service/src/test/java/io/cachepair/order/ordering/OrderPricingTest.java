package io.cachepair.order.ordering;

import static io.cachepair.order.ordering.Dishes.dish;
import static io.cachepair.order.ordering.Dishes.misoSoup;
import static io.cachepair.order.ordering.Dishes.spicyTunaRoll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OrderPricingTest {

  private static Function<String, Optional<Dish>> menu(Dish... dishes) {
    Map<String, Dish> byId =
        Stream.of(dishes).collect(Collectors.toMap(Dish::id, Function.identity()));
    return id -> Optional.ofNullable(byId.get(id));
  }

  private static PlaceOrderRequest order(PlaceOrderRequest.Item... items) {
    return new PlaceOrderRequest("c-42", List.of(items));
  }

  private static PlaceOrderRequest.Item item(String dishId, int quantity) {
    return new PlaceOrderRequest.Item(dishId, quantity, null);
  }

  private static PlaceOrderRequest.Item item(String dishId, int quantity, long expected) {
    return new PlaceOrderRequest.Item(dishId, quantity, expected);
  }

  @Test
  void price_snapshotsNamePriceAndVersion_andSumsTheLines() {
    PricedOrder priced =
        OrderPricing.price(
            order(item("spicy-tuna-roll", 2), item("miso-soup", 3)),
            menu(spicyTunaRoll(), misoSoup()));

    assertThat(priced.currency()).isEqualTo("EUR");
    assertThat(priced.totalCents()).isEqualTo(2 * 1250 + 3 * 450);
    assertThat(priced.lines())
        .containsExactly(
            new OrderLine("spicy-tuna-roll", "Spicy Tuna Roll", 1250, 2, 2500, 3),
            new OrderLine("miso-soup", "Miso Soup", 450, 3, 1350, 3));
  }

  @Test
  void price_expectedPriceEqualToTheCurrentOne_isAccepted() {
    PricedOrder priced =
        OrderPricing.price(order(item("spicy-tuna-roll", 1, 1250)), menu(spicyTunaRoll()));

    assertThat(priced.totalCents()).isEqualTo(1250);
  }

  @Test
  void price_expectedPriceDiffers_isAConflictCarryingTheCurrentPrice() {
    assertThatThrownBy(
            () ->
                OrderPricing.price(
                    order(item("miso-soup", 1), item("spicy-tuna-roll", 2, 1100)),
                    menu(spicyTunaRoll(), misoSoup())))
        .isInstanceOfSatisfying(
            PriceChangedProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(p.getMessage())
                  .isEqualTo(
                      "items[1].expectedUnitPriceCents: dish 'spicy-tuna-roll' costs 1250 EUR"
                          + " cents now, not 1100");
              assertThat(p.toProblemDetail().getProperties())
                  .containsEntry("currentUnitPriceCents", 1250L)
                  .containsEntry("expectedUnitPriceCents", 1100L)
                  .containsEntry("dishVersion", 3L);
            });
  }

  @Test
  void price_dishesInDifferentCurrencies_isUnprocessable() {
    Dish burger = dish("burger", "Burger", 999, "USD");

    assertThatThrownBy(
            () ->
                OrderPricing.price(
                    order(item("spicy-tuna-roll", 1), item("burger", 1)),
                    menu(spicyTunaRoll(), burger)))
        .isInstanceOfSatisfying(
            MixedCurrenciesProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
              assertThat(p.getMessage())
                  .isEqualTo(
                      "one order cannot mix currencies: dish 'spicy-tuna-roll' is priced in EUR,"
                          + " dish 'burger' in USD");
            });
  }

  @Test
  void price_currencyMixIsReportedBeforeAPriceMismatch() {
    Dish burger = dish("burger", "Burger", 999, "USD");

    assertThatThrownBy(
            () ->
                OrderPricing.price(
                    order(item("spicy-tuna-roll", 1, 1), item("burger", 1)),
                    menu(spicyTunaRoll(), burger)))
        .isInstanceOf(MixedCurrenciesProblem.class);
  }

  @Test
  void price_unknownDish_isUnprocessableNamingTheDishAndItsLine() {
    assertThatThrownBy(
            () ->
                OrderPricing.price(
                    order(item("spicy-tuna-roll", 1), item("unicorn-steak", 1)),
                    menu(spicyTunaRoll())))
        .isInstanceOfSatisfying(
            UnknownDishProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
              assertThat(p.getMessage())
                  .isEqualTo("items[1].dishId: dish 'unicorn-steak' is not on the menu");
              assertThat(p.toProblemDetail().getProperties())
                  .containsEntry("dishId", "unicorn-steak");
            });
  }

  @Test
  void price_tombstone_isAnUnknownDish() {
    Dish deleted = spicyTunaRoll().tombstone(Instant.parse("2025-02-01T00:00:00Z"), "menu-a");

    assertThatThrownBy(() -> OrderPricing.price(order(item("spicy-tuna-roll", 1)), menu(deleted)))
        .isInstanceOf(UnknownDishProblem.class);
  }

  @Test
  void price_unavailableDish_isUnprocessableNamingTheDish() {
    Dish soldOut = misoSoup().toBuilder().available(false).build();

    assertThatThrownBy(() -> OrderPricing.price(order(item("miso-soup", 1)), menu(soldOut)))
        .isInstanceOfSatisfying(
            DishUnavailableProblem.class,
            p ->
                assertThat(p.getMessage())
                    .isEqualTo("items[0].dishId: dish 'miso-soup' is not available right now"));
  }

  @Test
  void price_totalBeyondALong_isRefusedInsteadOfOverflowing() {
    Dish gold = dish("gold", "Gold", Long.MAX_VALUE / 2, "EUR");

    assertThatThrownBy(() -> OrderPricing.price(order(item("gold", 3)), menu(gold)))
        .isInstanceOf(OrderTooLargeProblem.class);
  }
}
