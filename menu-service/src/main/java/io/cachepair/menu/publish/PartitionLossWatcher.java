package io.cachepair.menu.publish;

import com.tangosol.util.MapEvent;
import com.tangosol.util.MapListener;
import io.cachepair.contract.meta.PartitionLosses;
import io.cachepair.member.cache.DishCaches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Watches the cluster-wide {@link PartitionLosses} tally and re-publishes this menu's database when
 * it changes: the member that took over lost partitions re-seeds them from its view, but only the
 * menu databases know for sure what the cluster should hold.
 */
@Component
class PartitionLossWatcher implements MapListener<String, Object> {

  private static final Logger log = LoggerFactory.getLogger(PartitionLossWatcher.class);

  private final OutboxPublisher publisher;
  private final java.util.concurrent.atomic.AtomicLong seenEvents =
      new java.util.concurrent.atomic.AtomicLong(-1);

  PartitionLossWatcher(DishCaches caches, OutboxPublisher publisher) {
    this.publisher = publisher;
    caches
        .whenOpen()
        .thenAccept(opened -> opened.meta().addMapListener(this, PartitionLosses.KEY, false));
  }

  @Override
  public void entryInserted(MapEvent<String, Object> event) {
    changed(event);
  }

  @Override
  public void entryUpdated(MapEvent<String, Object> event) {
    changed(event);
  }

  @Override
  public void entryDeleted(MapEvent<String, Object> event) {}

  private void changed(MapEvent<String, Object> event) {
    if (event.getNewValue() instanceof PartitionLosses losses
        && seenEvents.getAndAccumulate(losses.events(), Math::max) < losses.events()) {
      log.warn(
          "The cluster reports {} partition-loss event(s) (last by {} at {}): re-publishing the"
              + " menu database",
          losses.events(),
          losses.lastReporter(),
          losses.lastAt());
      // never block the Coherence event thread; the republish clears the repair flag when done
      publisher.republishAllSoon("partition loss #" + losses.events());
    }
  }
}
