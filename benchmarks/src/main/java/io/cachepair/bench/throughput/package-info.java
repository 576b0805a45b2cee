/**
 * Order throughput of order-service (dishes from its local view) against a baseline that resolves
 * every dish from menu-service over HTTP — the design the seed replaces, which lives here only.
 */
package io.cachepair.bench.throughput;
