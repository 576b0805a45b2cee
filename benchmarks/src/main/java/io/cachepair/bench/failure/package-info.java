/** How long after a kill -9 of the menu the order replicas know it is gone. */
package io.cachepair.bench.failure;
