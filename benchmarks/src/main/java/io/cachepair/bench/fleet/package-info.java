/**
 * The pair as the benchmarks run it: the service JVMs through the system tests' launcher, the
 * benchmark dishes, and what the service logs say about timing.
 */
package io.cachepair.bench.fleet;
