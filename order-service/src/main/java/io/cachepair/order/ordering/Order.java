package io.cachepair.order.ordering;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A placed order as stored and as the API returns it.
 *
 * @param id the order id (a UUID)
 * @param customerId who ordered
 * @param items the priced lines, in request order
 * @param totalCents the sum of the line totals
 * @param currency the one currency of every line (ISO 4217)
 * @param status placed or cancelled
 * @param placedAt when the order was stored
 * @param cancelledAt when it was cancelled, absent while placed
 */
public record Order(
    String id,
    String customerId,
    List<OrderLine> items,
    long totalCents,
    String currency,
    OrderStatus status,
    Instant placedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant cancelledAt) {

  public Order {
    items = List.copyOf(items);
  }
}
