/**
 * Keeping a live menu's database current with writes that other menus made to the cluster, so its
 * API never serves (and its next write never builds on) a revision the cluster already replaced.
 */
package io.cachepair.menu.follow;
