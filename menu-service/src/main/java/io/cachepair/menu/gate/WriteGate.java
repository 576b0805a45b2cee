package io.cachepair.menu.gate;

import io.cachepair.contract.meta.WritePause;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.ReplicaUnavailableException;
import io.cachepair.member.cache.StorageQuorum;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Whether this menu may write now: only when it is ready (before that its preload owns the rows,
 * after it shutdown does), when its member sees the dish service's write quorum (a menu cut off in
 * a minority island takes no writes: the rest of the pair would not see them until the islands
 * merge), and when no cluster-wide {@link WritePause} holds. All are local reads; a meta view that
 * cannot be read (its member cut off or rejoining) refuses the write too.
 */
@Component
public class WriteGate {

  private final ApplicationAvailability availability;
  private final DishCaches caches;
  private final StorageQuorum quorum;
  private final Clock clock = Clock.systemUTC();

  public WriteGate(ApplicationAvailability availability, DishCaches caches, StorageQuorum quorum) {
    this.availability = availability;
    this.caches = caches;
    this.quorum = quorum;
  }

  /**
   * Lets a write through or refuses it.
   *
   * @throws MenuNotReadyProblem when this menu is not ready
   * @throws NoWriteQuorumProblem when this menu's member is cut off in a minority island
   * @throws WritesPausedProblem when writes are paused cluster-wide
   * @throws ReplicaUnavailableException when the meta view cannot be read now
   */
  public void check() {
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      throw new MenuNotReadyProblem();
    }
    quorum
        .shortfall()
        .ifPresent(
            present -> {
              throw new NoWriteQuorumProblem(present, quorum.required());
            });
    readPause()
        .filter(p -> p.holdsAt(clock.instant()))
        .ifPresent(
            p -> {
              throw new WritesPausedProblem(p, clock.instant());
            });
  }

  /**
   * The pause in this member's meta view, held or expired, if any (none while it cannot be read).
   */
  public Optional<WritePause> pause() {
    try {
      return readPause();
    } catch (ReplicaUnavailableException e) {
      return Optional.empty();
    }
  }

  private Optional<WritePause> readPause() {
    try {
      return readPauseUnguarded();
    } catch (ReplicaUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // the meta view throws while its member is cut off or rejoining: whether a pause holds is
      // unknown, so the write is refused (503), never answered with an internal error
      throw new ReplicaUnavailableException(e);
    }
  }

  private Optional<WritePause> readPauseUnguarded() {
    return caches
        .ifOpen()
        .map(opened -> opened.meta().get(WritePause.KEY))
        .filter(WritePause.class::isInstance)
        .map(WritePause.class::cast);
  }
}
