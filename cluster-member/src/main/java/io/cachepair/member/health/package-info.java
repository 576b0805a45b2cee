/**
 * Readiness of a member: a pod takes traffic only when its local replica is synchronized and the
 * dish service has been safe since it joined.
 */
package io.cachepair.member.health;
