package io.cachepair.menu.follow;

import com.tangosol.util.Filters;
import com.tangosol.util.MapEvent;
import com.tangosol.util.MapListener;
import com.tangosol.util.extractor.PofExtractor;
import com.tangosol.util.filter.MapEventFilter;
import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.menu.dish.DishRepository;
import io.cachepair.menu.dish.MenuOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes dishes that other menus put into the cluster into this menu's database, by revision
 * (tombstones included), while this menu runs.
 *
 * <p>The preload registers it before it reads the cluster, and events are only buffered until the
 * preload finished; then the buffer and every later event are applied in batches off the Coherence
 * event thread. The storage members filter out this menu's own writes.
 */
@Component
public class ClusterFollower implements MapListener<String, Dish>, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ClusterFollower.class);
  private static final int BATCH = 1000;

  private final DishRepository dishes;
  private final MenuOrigin origin;
  private final TransactionTemplate tx;
  private final ExecutorService worker;
  private final Map<String, Dish> pending = new LinkedHashMap<>();
  private final AtomicBoolean listening = new AtomicBoolean();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong applied = new AtomicLong();
  private volatile boolean applying;

  ClusterFollower(DishRepository dishes, MenuOrigin origin, TransactionTemplate tx) {
    this.dishes = dishes;
    this.origin = origin;
    this.tx = tx;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "cluster-follower");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts receiving other menus' writes; they are buffered until {@link #startApplying()}.
   *
   * @param opened the open caches
   */
  public void listen(DishCaches.Opened opened) {
    if (listening.compareAndSet(false, true)) {
      var byOthers =
          Filters.not(
              Filters.equal(
                  new PofExtractor<Dish, String>(String.class, Dish.ORIGIN), origin.value()));
      opened
          .partitioned()
          .addMapListener(
              this,
              new MapEventFilter<>(MapEventFilter.E_INSERTED | MapEventFilter.E_UPDATED, byOthers),
              false);
    }
  }

  /** Applies what was buffered during the preload, and every later event as it comes. */
  public void startApplying() {
    applying = true;
    schedule();
  }

  /** How many dishes from other menus this menu wrote into its database. */
  public long applied() {
    return applied.get();
  }

  @Override
  public void entryInserted(MapEvent<String, Dish> event) {
    received(event.getNewValue());
  }

  @Override
  public void entryUpdated(MapEvent<String, Dish> event) {
    received(event.getNewValue());
  }

  @Override
  public void entryDeleted(MapEvent<String, Dish> event) {
    // a removed entry is not a delete (deletes are tombstones); partition loss is repaired
    // elsewhere
  }

  private void received(Dish dish) {
    if (dish == null) {
      return;
    }
    synchronized (pending) {
      Dish held = pending.get(dish.id());
      if (held == null || dish.revision().isNewerThan(held.revision())) {
        pending.put(dish.id(), dish);
      }
    }
    if (applying) {
      schedule();
    }
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      worker.execute(this::applyPending);
    }
  }

  private void applyPending() {
    scheduled.set(false);
    while (true) {
      List<Dish> batch = new ArrayList<>();
      synchronized (pending) {
        var it = pending.values().iterator();
        while (it.hasNext() && batch.size() < BATCH) {
          batch.add(it.next());
          it.remove();
        }
      }
      if (batch.isEmpty()) {
        return;
      }
      apply(batch);
    }
  }

  private void apply(List<Dish> batch) {
    try {
      Integer written = tx.execute(status -> dishes.upsertAllIfNewer(batch));
      count(written == null ? 0 : written, batch.size());
    } catch (DataAccessException e) {
      // e.g. a request created one of these ids meanwhile: fall back to one dish per transaction
      int written = 0;
      for (Dish dish : batch) {
        try {
          if (Boolean.TRUE.equals(tx.execute(status -> dishes.upsertIfNewer(dish)))) {
            written++;
          }
        } catch (RuntimeException single) {
          log.warn("Could not take dish {} from the cluster: {}", dish.id(), single.toString());
        }
      }
      count(written, batch.size());
    } catch (RuntimeException e) {
      log.warn("Could not take {} dish(es) from the cluster: {}", batch.size(), e.toString());
    }
  }

  private void count(int written, int received) {
    applied.addAndGet(written);
    if (written > 0) {
      log.info(
          "Took {} of {} dish change(s) made by other menus into this database", written, received);
    }
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
