package io.cachepair.order.ordering;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * The same Idempotency-Key is being placed right now by another request (on this or another
 * replica) that has not finished: 409; a retry answers with that order.
 */
class IdempotencyKeyInFlightProblem extends OrderProblem {

  IdempotencyKeyInFlightProblem(String key) {
    super(
        HttpStatus.CONFLICT,
        "idempotency-key-in-flight",
        "Idempotency-Key in flight",
        "an order with Idempotency-Key '"
            + key
            + "' is being placed by another request right now; retry to get its answer",
        Map.of("idempotencyKey", key));
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(Duration.ofSeconds(1));
  }
}
