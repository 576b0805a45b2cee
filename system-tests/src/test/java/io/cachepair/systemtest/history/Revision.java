package io.cachepair.systemtest.history;

/**
 * One committed revision of a dish as the menu database's history ({@code dish_revision}) holds it.
 *
 * @param dishId the dish
 * @param version its version
 * @param priceCents the price of that revision
 * @param deleted whether it is a tombstone
 */
public record Revision(String dishId, long version, long priceCents, boolean deleted) {}
