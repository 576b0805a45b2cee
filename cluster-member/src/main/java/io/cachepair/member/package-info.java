/**
 * What turns a Spring Boot service into a well-behaved member of a pair's Coherence cluster:
 * loopback-safe defaults, the dish caches opened off the startup path, the safe-join readiness
 * latch, partition-loss repair, the {@code cachepair} actuator endpoint, metrics, RFC 9457 errors,
 * API security (JWT bearer tokens) and strict input.
 */
package io.cachepair.member;
