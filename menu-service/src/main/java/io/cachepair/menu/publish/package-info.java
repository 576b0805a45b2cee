/**
 * Getting the menu database's dishes into the cluster: versioned writes to the partitioned cache,
 * the outbox publisher that retries until the cluster took every change, and the full re-publish
 * after the cluster lost partitions.
 */
package io.cachepair.menu.publish;
