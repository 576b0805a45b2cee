package io.cachepair.order.ordering;

/**
 * What the order DB remembers about an Idempotency-Key: the order it placed and the fingerprint of
 * the request that placed it.
 */
record StoredKey(String orderId, String requestHash) {}
