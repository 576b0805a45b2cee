/**
 * Builds the pair's status (phase, conditions, per-service counts) from what the cluster shows, in
 * one place so every transition is unit-tested.
 */
package io.cachepair.operator.status;
