/**
 * Assertions on the services' RFC 9457 problem+json answers, the same for a MockMvc slice and for a
 * real server.
 */
package io.cachepair.testsupport.problem;
