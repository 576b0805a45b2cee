/**
 * order-service: customers order dishes priced from the local Coherence replica; the order path
 * never leaves this JVM for dish data, so a menu outage never stops ordering.
 */
package io.cachepair.order;
