/**
 * Deliberate offenders, outside {@code io.cachepair.order}, that prove the no-HTTP-client rule can
 * fail.
 */
package io.cachepair.archfixture;
