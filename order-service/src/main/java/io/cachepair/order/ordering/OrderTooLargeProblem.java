package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An order whose total does not fit in a long of cents; refused rather than overflowing. */
class OrderTooLargeProblem extends OrderProblem {

  OrderTooLargeProblem() {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "order-too-large",
        "Order too large",
        "the order total exceeds " + Long.MAX_VALUE + " cents",
        Map.of());
  }
}
