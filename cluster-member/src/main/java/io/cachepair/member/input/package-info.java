/**
 * Strict input for both services: one Jackson configuration that coerces nothing silently, stream
 * limits, and request-body size limits on the API and management ports.
 */
package io.cachepair.member.input;
