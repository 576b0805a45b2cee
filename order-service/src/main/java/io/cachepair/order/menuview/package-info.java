/**
 * The menu as customers see it from this member: served from the local replica of the dishes, so
 * browsing needs no menu-service and costs a memory read.
 */
package io.cachepair.order.menuview;
