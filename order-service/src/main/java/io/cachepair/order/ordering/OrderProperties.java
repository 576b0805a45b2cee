package io.cachepair.order.ordering;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ordering feature ({@code cachepair.order.*}, env {@code CACHEPAIR_ORDER_*}).
 *
 * @param listLimit how many orders {@code GET /api/orders?customerId=} returns at most, newest
 *     first (default 100)
 */
@ConfigurationProperties("cachepair.order")
public record OrderProperties(Integer listLimit) {

  public OrderProperties {
    listLimit = listLimit == null ? 100 : listLimit;
    if (listLimit < 1) {
      throw new IllegalArgumentException("cachepair.order.list-limit must be at least 1");
    }
  }
}
