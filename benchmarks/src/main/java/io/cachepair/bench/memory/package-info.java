/** Heap per cached dish and for the whole cluster, read from the service JVMs after a full GC. */
package io.cachepair.bench.memory;
