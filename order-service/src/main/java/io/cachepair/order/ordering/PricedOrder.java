package io.cachepair.order.ordering;

import java.util.List;

/**
 * The outcome of pricing a request: lines with their dish snapshots, one currency, one total.
 *
 * @param lines the priced lines, in request order
 * @param currency the currency of every line
 * @param totalCents the sum of the line totals
 */
record PricedOrder(List<OrderLine> lines, String currency, long totalCents) {

  PricedOrder {
    lines = List.copyOf(lines);
  }
}
