/**
 * What turns a Spring Boot service into a well-behaved member of a pair's Coherence cluster:
 * loopback-safe defaults, the dish caches opened off the startup path, the safe-join readiness
 * latch, partition-loss repair, {@code /api/cluster}, metrics and RFC 9457 errors.
 */
package io.cachepair.member;
