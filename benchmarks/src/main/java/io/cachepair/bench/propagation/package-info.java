/**
 * How fast a dish change reaches the other members: at the cache level between two plain Coherence
 * members, and through the services (REST write on the menu, seen in each order replica), paced and
 * as a bulk import.
 */
package io.cachepair.bench.propagation;
