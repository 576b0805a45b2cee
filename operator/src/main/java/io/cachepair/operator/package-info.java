/**
 * The cachepair operator: the {@code CachedServicePair} reconciler and the process that runs it
 * (leader election, health endpoints).
 */
package io.cachepair.operator;
