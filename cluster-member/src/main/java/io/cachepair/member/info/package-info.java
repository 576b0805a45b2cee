/**
 * {@code GET /api/cluster}: what this member sees of the cluster, to compare replicas from outside.
 */
package io.cachepair.member.info;
