/**
 * Getting the cluster and this menu's database in line before the menu takes traffic: preload the
 * database into the cluster, reconcile both ways with live members, seed the sample menu on a cold
 * start, and say in readiness how far it got.
 */
package io.cachepair.menu.preload;
