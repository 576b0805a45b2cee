package io.cachepair.menu.gate;

import io.cachepair.contract.meta.WritePause;
import io.cachepair.member.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A write arrived while menu writes are paused cluster-wide (a rollout step in which old and new
 * menus cannot read each other's writes): 503 with the reason and when to retry.
 */
public class WritesPausedProblem extends ApiProblem {

  private final Duration retryAfter;

  public WritesPausedProblem(WritePause pause, Instant now) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "writes-paused",
        "Menu writes paused",
        "menu writes are paused cluster-wide until "
            + pause.until()
            + " ("
            + pause.reason()
            + ", requested by "
            + pause.requestedBy()
            + "); orders keep flowing; retry later",
        Map.of("pausedUntil", pause.until().toString()));
    Duration left = Duration.between(now, pause.until());
    this.retryAfter = left.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : left;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(retryAfter);
  }
}
