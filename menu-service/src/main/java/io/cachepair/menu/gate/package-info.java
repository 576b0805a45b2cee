/**
 * Whether this menu may write now: ready, and no cluster-wide write pause (a rollout step in which
 * old and new menus cannot read each other's writes) holds.
 */
package io.cachepair.menu.gate;
