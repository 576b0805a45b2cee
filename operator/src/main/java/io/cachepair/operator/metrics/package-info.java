/** Operator metrics, scraped from {@code /metrics} on the health port. */
package io.cachepair.operator.metrics;
