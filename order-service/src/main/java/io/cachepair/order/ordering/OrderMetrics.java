package io.cachepair.order.ordering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counts {@code cachepair.orders.placed} and {@code cachepair.orders.refused} (tagged with the
 * refusal's reason), the two numbers that say whether customers can order.
 */
@Component
class OrderMetrics {

  private static final List<String> KNOWN_REASONS =
      List.of(
          "dishes-not-loaded",
          "replica-unavailable",
          "unknown-dish",
          "dish-unavailable",
          "mixed-currencies",
          "price-changed",
          "order-too-large",
          "idempotency-key-reused",
          "validation");

  private final MeterRegistry meters;
  private final Counter placed;

  OrderMetrics(MeterRegistry meters) {
    this.meters = meters;
    this.placed =
        Counter.builder("cachepair.orders.placed")
            .description("Orders stored (replays of an Idempotency-Key not counted)")
            .register(meters);
    // Registered up front so dashboards see every reason at zero rather than no series.
    KNOWN_REASONS.forEach(this::refusedCounter);
  }

  void placed() {
    placed.increment();
  }

  void refused(String reason) {
    refusedCounter(reason).increment();
  }

  private Counter refusedCounter(String reason) {
    return Counter.builder("cachepair.orders.refused")
        .description("Orders refused by order-service, by reason")
        .tag("reason", reason)
        .register(meters);
  }
}
