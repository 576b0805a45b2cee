/**
 * The dishes as the menu owns them: the database (source of truth, tombstones included), the outbox
 * that records every change for the cluster in the same transaction, and the REST API.
 */
package io.cachepair.menu.dish;
