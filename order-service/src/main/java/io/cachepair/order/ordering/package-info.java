/**
 * Placing, reading and cancelling orders: priced from the local replica only, stored with a
 * snapshot of each dish's name, price and version so that an order never changes when the menu
 * does.
 */
package io.cachepair.order.ordering;
