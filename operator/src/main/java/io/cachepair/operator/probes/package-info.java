/**
 * Checks the operator makes against the running pair before it touches it: is the dish service's
 * data safe (StatusHA at least NODE_SAFE), and do a service's new pods speak the cache contract the
 * spec asks for, as reported by a member's {@code /api/cluster}.
 */
package io.cachepair.operator.probes;
