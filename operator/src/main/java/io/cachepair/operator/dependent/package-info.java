/**
 * The Kubernetes resources a pair consists of, one small class per resource whose job is {@code
 * desired()}; JOSDK's managed workflow creates, updates and matches them.
 */
package io.cachepair.operator.dependent;
