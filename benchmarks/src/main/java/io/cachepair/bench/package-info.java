/**
 * The benchmark suite of issue 6: each subpackage measures one promise of the design (order-path
 * lookups, propagation, order throughput, preload and join, memory, failure detection) and {@link
 * io.cachepair.bench.BenchmarkSuite} runs them in one go and writes the results.
 */
package io.cachepair.bench;
