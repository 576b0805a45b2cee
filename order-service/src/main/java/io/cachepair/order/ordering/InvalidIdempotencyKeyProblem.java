package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key header that is blank, too long or not printable ASCII: 400. */
class InvalidIdempotencyKeyProblem extends OrderProblem {

  InvalidIdempotencyKeyProblem(String why) {
    super(
        HttpStatus.BAD_REQUEST,
        "validation",
        "Invalid request",
        "Idempotency-Key: " + why,
        Map.of("fields", java.util.List.of("Idempotency-Key")));
  }
}
