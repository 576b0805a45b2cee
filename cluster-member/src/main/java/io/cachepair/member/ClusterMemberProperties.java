package io.cachepair.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of this service's cluster membership ({@code cachepair.member.*}, env {@code
 * CACHEPAIR_MEMBER_*}).
 *
 * @param role this member's role in the pair ({@code menu} or {@code order}); also its Coherence
 *     role
 * @param safetyPollInterval how often the dish service's backup strength is read until it was safe
 * @param reseedBatchSize how many dishes one re-seed call writes after a partition loss
 * @param stuckExitAfter how long an unrecoverable state may last before the process exits with 4
 */
@ConfigurationProperties("cachepair.member")
public record ClusterMemberProperties(
    String role, Duration safetyPollInterval, Integer reseedBatchSize, Duration stuckExitAfter) {

  public ClusterMemberProperties {
    role = role == null || role.isBlank() ? "member" : role;
    safetyPollInterval = safetyPollInterval == null ? Duration.ofMillis(200) : safetyPollInterval;
    reseedBatchSize = reseedBatchSize == null ? 2000 : reseedBatchSize;
    stuckExitAfter = stuckExitAfter == null ? Duration.ofSeconds(60) : stuckExitAfter;
  }
}
