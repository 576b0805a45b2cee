package io.cachepair.menu.gate;

import io.cachepair.contract.meta.WritePause;
import io.cachepair.member.cache.DishCaches;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Whether this menu may write now: only when it is ready (before that its preload owns the rows,
 * after it shutdown does) and no cluster-wide {@link WritePause} holds. Both are local reads.
 */
@Component
public class WriteGate {

  private final ApplicationAvailability availability;
  private final DishCaches caches;
  private final Clock clock = Clock.systemUTC();

  public WriteGate(ApplicationAvailability availability, DishCaches caches) {
    this.availability = availability;
    this.caches = caches;
  }

  /**
   * Lets a write through or refuses it.
   *
   * @throws MenuNotReadyProblem when this menu is not ready
   * @throws WritesPausedProblem when writes are paused cluster-wide
   */
  public void check() {
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      throw new MenuNotReadyProblem();
    }
    pause()
        .filter(p -> p.holdsAt(clock.instant()))
        .ifPresent(
            p -> {
              throw new WritesPausedProblem(p, clock.instant());
            });
  }

  /** The pause in this member's meta view, held or expired, if any. */
  public Optional<WritePause> pause() {
    return caches
        .ifOpen()
        .map(opened -> opened.meta().get(WritePause.KEY))
        .filter(WritePause.class::isInstance)
        .map(WritePause.class::cast);
  }
}
