package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An order line that expected another price than the dish has now: 409 with the current price, so
 * the client can show it and retry.
 */
class PriceChangedProblem extends OrderProblem {

  PriceChangedProblem(
      String dishId,
      int index,
      long expectedCents,
      long currentCents,
      String currency,
      long dishVersion) {
    super(
        HttpStatus.CONFLICT,
        "price-changed",
        "Price changed",
        "items["
            + index
            + "].expectedUnitPriceCents: dish '"
            + dishId
            + "' costs "
            + currentCents
            + " "
            + currency
            + " cents now, not "
            + expectedCents,
        Map.of(
            "dishId", dishId,
            "expectedUnitPriceCents", expectedCents,
            "currentUnitPriceCents", currentCents,
            "currency", currency,
            "dishVersion", dishVersion));
  }
}
