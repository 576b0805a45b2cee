/**
 * Repair after Coherence lost partitions of the dish service: the member that takes over the lost
 * partitions writes its full view back, idempotently and by version, and tells every member.
 */
package io.cachepair.member.loss;
