package io.cachepair.order.ordering;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An order whose dishes are priced in more than one currency, which one total cannot add: 422. */
class MixedCurrenciesProblem extends OrderProblem {

  MixedCurrenciesProblem(
      String firstDishId, String firstCurrency, String otherDishId, String otherCurrency) {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "mixed-currencies",
        "Dishes in different currencies",
        "one order cannot mix currencies: dish '"
            + firstDishId
            + "' is priced in "
            + firstCurrency
            + ", dish '"
            + otherDishId
            + "' in "
            + otherCurrency,
        Map.of("currencies", List.of(firstCurrency, otherCurrency)));
  }
}
