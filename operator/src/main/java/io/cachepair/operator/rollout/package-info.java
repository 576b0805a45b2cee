/**
 * Rollout machinery: turns a spec change into a plan of ordered steps, each touching one
 * Deployment, and advances it one safe step at a time with its progress kept in status.
 */
package io.cachepair.operator.rollout;
