package io.cachepair.menu.dish;

import io.cachepair.member.problem.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A bulk import carries more dishes than one request and transaction may: 400. */
class BatchTooLargeProblem extends ApiProblem {

  BatchTooLargeProblem(int size, int max) {
    super(
        HttpStatus.BAD_REQUEST,
        "batch-too-large",
        "Batch too large",
        "the batch holds "
            + size
            + " dishes; at most "
            + max
            + " are accepted per request, split it",
        Map.of("size", size, "maxSize", max));
  }
}
