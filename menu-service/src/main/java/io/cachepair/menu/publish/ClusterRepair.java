package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.menu.dish.DishOutbox;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.MenuOrigin;
import io.cachepair.menu.record.DishRevisions;
import io.cachepair.menu.record.VersionSequence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replaces a cluster entry the menu database never wrote (a foreign revision: left by a member on
 * another database, a restored backup, or a rogue member) with the database's truth.
 *
 * <p>The database's row is written again as a fresh revision — a new version from the one sequence,
 * recorded in the history with the writer {@code repair} — and that revision replaces the entry by
 * compare-and-set on exactly the revision observed, so a concurrent honest write is never
 * overwritten. An id the database does not know gets a tombstone. Every repair is counted ({@code
 * cachepair.repairs}) and logged.
 */
@Component
public class ClusterRepair {

  private static final Logger log = LoggerFactory.getLogger(ClusterRepair.class);

  /** A foreign version this far above the sequence is not chased: it is replaced as it is. */
  private static final long MAX_ADVANCE = 10_000_000L;

  private final DishRepository dishes;
  private final DishRevisions revisions;
  private final DishOutbox outbox;
  private final VersionSequence versions;
  private final MenuOrigin origin;
  private final TransactionTemplate tx;
  private final ClusterDishWriter writer;
  private final Counter repairs;

  ClusterRepair(
      DishRepository dishes,
      DishRevisions revisions,
      DishOutbox outbox,
      VersionSequence versions,
      MenuOrigin origin,
      TransactionTemplate tx,
      ClusterDishWriter writer,
      MeterRegistry meters) {
    this.dishes = dishes;
    this.revisions = revisions;
    this.outbox = outbox;
    this.versions = versions;
    this.origin = origin;
    this.tx = tx;
    this.writer = writer;
    this.repairs =
        Counter.builder("cachepair.repairs")
            .description("Cluster entries the menu database never wrote, replaced by its truth")
            .register(meters);
  }

  /**
   * Repairs one foreign entry.
   *
   * @param held the entry as observed in the cluster
   * @return the revision that replaced it, or empty when the entry or the row moved meanwhile (the
   *     next pass judges again)
   */
  public Optional<Dish> replace(Dish held) {
    long high = versions.highWater();
    if (held.version() > high && held.version() - high <= MAX_ADVANCE) {
      // so the fresh revision is newer than the foreign one and no reader sees a step back
      versions.advancePast(held.version());
    }
    Dish fresh;
    try {
      fresh = tx.execute(status -> freshRevision(held.id()));
    } catch (DuplicateKeyException e) {
      return Optional.empty(); // another menu wrote the tombstone row at the same moment
    }
    if (!writer.replace(held.revision(), fresh)) {
      return Optional.empty();
    }
    outbox.markPublished(List.of(fresh));
    repairs.increment();
    log.warn(
        "Replaced a cluster entry the menu database never wrote: {} (held {}) is now {}",
        held.id(),
        held,
        fresh);
    return Optional.of(fresh);
  }

  private Dish freshRevision(String id) {
    Optional<Dish> row = dishes.lock(id);
    Dish base =
        row.orElseGet(
            () ->
                Dish.builder(id)
                    .name(null)
                    .priceCents(0)
                    .available(false)
                    .deleted(true)
                    .updatedAt(Instant.now())
                    .origin(origin.value())
                    .build());
    Dish fresh =
        base.toBuilder()
            .version(versions.next())
            .updatedAt(Instant.now())
            .origin(origin.value())
            .build();
    if (row.isPresent()) {
      dishes.updateAll(List.of(fresh));
    } else {
      dishes.insertAll(List.of(fresh));
    }
    revisions.record(List.of(fresh), "repair");
    outbox.recordAll(List.of(fresh));
    return fresh;
  }

  /** How many repairs this menu made. */
  public long count() {
    return (long) repairs.count();
  }
}
