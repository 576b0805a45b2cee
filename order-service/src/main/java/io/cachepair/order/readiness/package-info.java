/**
 * When this member may take orders: only once the cluster has said, at least once, that a menu
 * loaded the dishes; a one-time latch, so it never depends on a menu being up afterwards.
 */
package io.cachepair.order.readiness;
