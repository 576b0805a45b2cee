package io.cachepair.menu.gate;

import io.cachepair.member.problem.ApiProblem;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A write reached a menu whose member sees fewer storage members than the write quorum: it is cut
 * off in a minority island, whose cache the rest of the pair does not see and which is discarded
 * when the islands merge. 503: a menu on the majority side takes the write.
 */
public class NoWriteQuorumProblem extends ApiProblem {

  public NoWriteQuorumProblem(int present, int quorum) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "no-write-quorum",
        "Menu cut off from the majority",
        "this menu's member sees "
            + present
            + " storage member(s) of the dish service and writes need "
            + quorum
            + " (cachepair.cache.quorum): it is cut off from the rest of the pair, whose order"
            + " replicas would not see the write; send it to another menu",
        Map.of("present", present, "quorum", quorum));
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(Duration.ofSeconds(5));
  }
}
