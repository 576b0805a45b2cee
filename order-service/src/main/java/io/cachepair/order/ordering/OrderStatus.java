package io.cachepair.order.ordering;

/** Where an order is in its (short) life. */
public enum OrderStatus {
  /** Accepted and stored. */
  PLACED,
  /** Cancelled by the customer; cancelling again changes nothing. */
  CANCELLED
}
