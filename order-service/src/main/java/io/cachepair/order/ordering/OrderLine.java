package io.cachepair.order.ordering;

/**
 * One line of an order with the snapshot of the dish it was priced from, so the order keeps its
 * price and name whatever the menu does later.
 *
 * @param dishId the dish ordered
 * @param name the dish's name when the order was placed
 * @param unitPriceCents the dish's price when the order was placed
 * @param quantity how many
 * @param lineTotalCents unit price times quantity
 * @param dishVersion the version of the dish the price was taken from
 */
public record OrderLine(
    String dishId,
    String name,
    long unitPriceCents,
    int quantity,
    long lineTotalCents,
    long dishVersion) {}
