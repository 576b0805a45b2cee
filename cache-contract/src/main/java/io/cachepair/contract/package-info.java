/**
 * The cache contract shared by every member of a pair's cluster: the cached types, their POF wire
 * format, the entry processors that every storage member runs, and the cache configuration.
 *
 * <p>Kept free of Spring and of any service code so that both teams can depend on it and nothing
 * else.
 */
package io.cachepair.contract;
