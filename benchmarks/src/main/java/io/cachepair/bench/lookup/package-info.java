/**
 * The order path's dish lookups under JMH: the services' own {@code LocalDishes} over a real
 * Coherence view, the raw view, a plain get on the partitioned cache, and a ConcurrentHashMap
 * floor, all in one run.
 */
package io.cachepair.bench.lookup;
