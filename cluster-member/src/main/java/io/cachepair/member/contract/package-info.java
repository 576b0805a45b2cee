/**
 * The join handshake: a member whose cache contract cannot share data with the members already in
 * the cluster, or that is not the contract its deployment expects, is refused before its dish
 * service starts, so it never owns a partition.
 */
package io.cachepair.member.contract;
