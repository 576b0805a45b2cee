package io.cachepair.menu.dish;

import io.cachepair.member.problem.ApiProblem;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A write kept colliding with other writers (a create racing another create of the same new id, a
 * deadlock between two batches) past its bounded retries: 503, retry shortly. An unconditional
 * write of an existing dish never ends here: it waits for the row lock instead.
 */
class ConcurrentDishChangeProblem extends ApiProblem {

  ConcurrentDishChangeProblem(String id, int attempts) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "concurrent-change",
        "Dish changed concurrently",
        "the write of '"
            + id
            + "' collided with other writers "
            + attempts
            + " times in a row; retry it shortly",
        Map.of("dishId", id));
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(Duration.ofSeconds(1));
  }
}
