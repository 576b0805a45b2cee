/**
 * menu-service owns the dishes: its database is the source of truth, and it publishes every change
 * to the pair's Coherence cluster, where order-service reads them from its local replica.
 */
package io.cachepair.menu;
