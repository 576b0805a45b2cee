/**
 * RFC 9457 problem details for every error of both services: a stable {@code type}, a precise
 * {@code detail}, never a stack trace, never a 5xx for bad input.
 */
package io.cachepair.member.problem;
