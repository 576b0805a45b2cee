/**
 * The {@code cachepair} actuator endpoint on the management port: what this member sees of the
 * cluster, for the operator's per-pod safety checks and to compare replicas from outside.
 */
package io.cachepair.member.info;
