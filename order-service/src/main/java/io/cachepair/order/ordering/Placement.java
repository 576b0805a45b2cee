package io.cachepair.order.ordering;

/**
 * The answer to a place-order call: the order, and whether this call created it or replayed the one
 * an earlier call with the same Idempotency-Key created.
 */
record Placement(Order order, boolean created) {}
