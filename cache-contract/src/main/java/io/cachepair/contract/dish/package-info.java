/**
 * The cached dish, its ordering by revision, and the versioned writes every storage member runs so
 * that an older revision never overwrites a newer one.
 */
package io.cachepair.contract.dish;
