package io.cachepair.contract.loss;

import com.tangosol.net.partition.PartitionEvent;
import com.tangosol.net.partition.PartitionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The dish service's partition listener, named in the cache configuration so that it is attached
 * when the service is created: a loss announced while the service is still starting (a partition
 * owner killed right after this member joined) is not missed. It relays {@link
 * PartitionEvent#PARTITION_LOST} to the handlers this JVM registers, and keeps the losses that came
 * before the first handler until one registers.
 */
public final class PartitionLossRelay implements PartitionListener {

  private static final List<Consumer<PartitionEvent>> HANDLERS = new CopyOnWriteArrayList<>();
  private static final List<PartitionEvent> PENDING = new ArrayList<>();

  /** Public for Coherence, which instantiates it from the cache configuration. */
  public PartitionLossRelay() {}

  @Override
  public void onPartitionEvent(PartitionEvent event) {
    if (event.getId() != PartitionEvent.PARTITION_LOST) {
      return;
    }
    synchronized (PENDING) {
      if (HANDLERS.isEmpty()) {
        PENDING.add(event);
        return;
      }
    }
    HANDLERS.forEach(handler -> handler.accept(event));
  }

  /**
   * Registers a handler of partition losses, and hands it the losses that came before it.
   *
   * @param handler called on the service thread: it must not block
   */
  public static void register(Consumer<PartitionEvent> handler) {
    List<PartitionEvent> missed;
    synchronized (PENDING) {
      HANDLERS.add(handler);
      missed = new ArrayList<>(PENDING);
      PENDING.clear();
    }
    missed.forEach(handler);
  }

  /**
   * Removes a handler (when its application context closes).
   *
   * @param handler the handler registered before
   */
  public static void unregister(Consumer<PartitionEvent> handler) {
    HANDLERS.remove(handler);
  }
}
