package io.cachepair.systemtest.history;

/**
 * What one observer read from an order replica's menu view.
 *
 * @param replica the order replica
 * @param dishId the dish
 * @param version the version served, or -1 when the replica answered 404 (no such dish)
 * @param atNanos when the answer came
 */
public record Observation(String replica, String dishId, long version, long atNanos) {}
