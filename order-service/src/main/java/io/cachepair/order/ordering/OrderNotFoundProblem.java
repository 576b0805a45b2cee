package io.cachepair.order.ordering;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An order id this service never stored: 404. */
class OrderNotFoundProblem extends ApiProblem {

  OrderNotFoundProblem(String id) {
    super(
        HttpStatus.NOT_FOUND,
        "order-not-found",
        "Order not found",
        "order '" + id + "' does not exist",
        Map.of("orderId", id));
  }
}
