package io.cachepair.order.ordering;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key sent again with a different request body: 422, nothing is placed. */
class IdempotencyKeyReusedProblem extends OrderProblem {

  IdempotencyKeyReusedProblem(String key) {
    super(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
        "Idempotency-Key reused",
        "Idempotency-Key '" + key + "' was already used with a different request body",
        Map.of("idempotencyKey", key));
  }
}
