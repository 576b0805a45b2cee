package io.cachepair.order.ordering;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request names a customer other than the token's subject: 403. Orders belong to whoever the
 * token says the caller is; only {@code orders:admin} may read other customers' orders.
 */
class CustomerMismatchProblem extends ApiProblem {

  CustomerMismatchProblem(String named, String subject, String what) {
    super(
        HttpStatus.FORBIDDEN,
        "customer-mismatch",
        "Not your customer id",
        "customerId '"
            + named
            + "' is not the token's subject '"
            + subject
            + "'; "
            + what
            + " only as the customer the token names (leave customerId out)",
        Map.of("customerId", named));
  }
}
