package io.cachepair.order.ordering;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An order refused for a reason of its own (unknown dish, price changed, …); the reason is the
 * problem type and the {@code reason} tag of {@code cachepair.orders.refused}.
 */
abstract class OrderProblem extends ApiProblem {

  private final String reason;

  OrderProblem(
      HttpStatus status,
      String reason,
      String title,
      String detail,
      Map<String, Object> properties) {
    super(status, reason, title, detail, properties);
    this.reason = reason;
  }

  /** The stable reason slug. */
  String reason() {
    return reason;
  }
}
