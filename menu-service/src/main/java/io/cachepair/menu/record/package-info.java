/**
 * The menu database as the system of record of every menu replica: where versions come from (one
 * sequence, never reused), the history of every committed revision, and the database's identity,
 * which the cluster remembers.
 */
package io.cachepair.menu.record;
