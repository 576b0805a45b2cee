package io.cachepair.order.ordering;

import io.cachepair.contract.dish.Dish;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prices a validated request against dishes looked up by id — in the service, the local replica —
 * and refuses it when a dish is unknown or unavailable, the currencies differ or an expected price
 * is no longer the current one.
 *
 * <p>Checks run in that order over all lines, so the first problem reported is the most basic one.
 */
final class OrderPricing {

  private OrderPricing() {}

  /**
   * Prices a request.
   *
   * @param request a request that passed bean validation
   * @param dishes looks a live dish up by id (empty when unknown or deleted)
   * @return the priced order
   * @throws OrderProblem when the order cannot be placed as requested
   */
  static PricedOrder price(PlaceOrderRequest request, Function<String, Optional<Dish>> dishes) {
    List<PlaceOrderRequest.Item> items = request.items();
    List<Dish> found = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String id = items.get(i).dishId();
      Dish dish = dishes.apply(id).filter(d -> !d.deleted()).orElse(null);
      if (dish == null) {
        throw new UnknownDishProblem(id, i);
      }
      if (!dish.available()) {
        throw new DishUnavailableProblem(id, i, "is not available right now");
      }
      if (dish.currency() == null || dish.currency().isBlank() || dish.priceCents() < 0) {
        throw new DishUnavailableProblem(id, i, "has no valid price");
      }
      found.add(dish);
    }
    Dish first = found.get(0);
    for (Dish dish : found) {
      if (!dish.currency().equals(first.currency())) {
        throw new MixedCurrenciesProblem(first.id(), first.currency(), dish.id(), dish.currency());
      }
    }
    List<OrderLine> lines = new ArrayList<>(items.size());
    long total = 0;
    for (int i = 0; i < items.size(); i++) {
      PlaceOrderRequest.Item item = items.get(i);
      Dish dish = found.get(i);
      Long expected = item.expectedUnitPriceCents();
      if (expected != null && expected != dish.priceCents()) {
        throw new PriceChangedProblem(
            dish.id(), i, expected, dish.priceCents(), dish.currency(), dish.version());
      }
      try {
        long lineTotal = Math.multiplyExact(dish.priceCents(), (long) item.quantity());
        total = Math.addExact(total, lineTotal);
        lines.add(
            new OrderLine(
                dish.id(),
                dish.name(),
                dish.priceCents(),
                item.quantity(),
                lineTotal,
                dish.version()));
      } catch (ArithmeticException e) {
        throw new OrderTooLargeProblem();
      }
    }
    return new PricedOrder(lines, first.currency(), total);
  }
}
