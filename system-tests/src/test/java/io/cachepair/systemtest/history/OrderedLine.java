package io.cachepair.systemtest.history;

/**
 * One line of an acknowledged order: the dish version and price it was priced with.
 *
 * @param orderId the order
 * @param replica the order replica that placed it
 * @param dishId the dish
 * @param dishVersion the version the replica priced it from
 * @param unitPriceCents the price it charged
 */
public record OrderedLine(
    String orderId, String replica, String dishId, long dishVersion, long unitPriceCents) {}
