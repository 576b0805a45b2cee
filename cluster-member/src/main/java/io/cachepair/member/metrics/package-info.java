/**
 * Metrics of the local replica: how many dishes it holds and how far behind the writers it runs.
 */
package io.cachepair.member.metrics;
