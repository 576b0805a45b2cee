package io.cachepair.member.metrics;

import com.tangosol.util.MapEvent;
import com.tangosol.util.MapListener;
import io.cachepair.contract.dish.Dish;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.health.ReplicaWatch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Publishes {@code cachepair.dishes.local} (dishes in the local view), {@code
 * cachepair.replication.lag} (a dish's {@code updatedAt} to the moment this member's view saw it)
 * and {@code cachepair.replica.staleness} (how long the view has been cut off from the dish
 * service: the most stale a dish it serves can be).
 */
public class ReplicaMetrics {

  /**
   * Registers the meters and, once the view is open, the listener that times arrivals.
   *
   * @param caches the member's caches
   * @param localDishes the local view reader
   * @param watch the view's connection to the dish service
   * @param meters the registry
   */
  public ReplicaMetrics(
      DishCaches caches, LocalDishes localDishes, ReplicaWatch watch, MeterRegistry meters) {
    Gauge.builder("cachepair.replica.staleness", watch, w -> w.staleness().toMillis() / 1000.0)
        .description("Seconds this member's view has been cut off from the dish service (0: live)")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder("cachepair.dishes.local", localDishes, LocalDishes::count)
        .description("Dishes in this member's local view")
        .register(meters);
    Timer lag =
        Timer.builder("cachepair.replication.lag")
            .description("From a dish's updatedAt to its arrival in this member's local view")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    caches.whenOpen().thenAccept(opened -> opened.view().addMapListener(new LagListener(lag)));
  }

  private record LagListener(Timer lag) implements MapListener<String, Dish> {

    @Override
    public void entryInserted(MapEvent<String, Dish> event) {
      record(event.getNewValue());
    }

    @Override
    public void entryUpdated(MapEvent<String, Dish> event) {
      record(event.getNewValue());
    }

    @Override
    public void entryDeleted(MapEvent<String, Dish> event) {}

    private void record(Dish dish) {
      if (dish != null) {
        long millis = System.currentTimeMillis() - dish.updatedAt().toEpochMilli();
        lag.record(Duration.ofMillis(Math.max(0, millis)));
      }
    }
  }
}
