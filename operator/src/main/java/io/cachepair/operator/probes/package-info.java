/**
 * What the operator asks the running members before it touches the pair, per pod on the management
 * port: {@code GET /actuator/cachepair} (membership, StatusHA, view completeness, the contract each
 * member announces; no digest, so the call is cheap), and the write pause menu-service honours
 * during a rollout step ({@code POST/DELETE /actuator/writepause}).
 */
package io.cachepair.operator.probes;
