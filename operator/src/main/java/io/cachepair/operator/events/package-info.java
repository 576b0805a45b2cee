/** Kubernetes Events and log lines for the operator's decisions. */
package io.cachepair.operator.events;
