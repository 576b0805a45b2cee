package io.cachepair.operator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator process's own settings, read from its environment so the same jar runs in-cluster
 * (from the Deployment in {@code manifests/}) and from a developer's kubeconfig.
 *
 * @param watchNamespaces namespaces to watch; empty means all
 * @param operatorNamespace namespace the operator runs in (its Lease, and the namespace the pairs'
 *     NetworkPolicies admit to the management port), or {@code null} for the client's
 * @param leaseName name of the Lease
 * @param leaderElection whether to elect a leader (off only for a single local run)
 * @param healthPort port of {@code /healthz}, {@code /readyz} and {@code /metrics}
 * @param memberTimeout bound of one request to a member's management port
 * @param identity this instance (pod name), in the Lease and in Events
 * @param memberTokenFile a file holding the bearer token (scopes {@code cluster:read} and {@code
 *     cluster:admin}) the operator sends to the members' management endpoints, read on every call
 *     so a rotated Secret takes effect; {@code null} to send none
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    String operatorNamespace,
    String leaseName,
    boolean leaderElection,
    int healthPort,
    Duration memberTimeout,
    String identity,
    Path memberTokenFile) {

  /** Reads {@code CACHEPAIR_OPERATOR_*} variables, with defaults for every one. */
  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    Set<String> namespaces =
        Arrays.stream(env.getOrDefault("CACHEPAIR_OPERATOR_WATCH_NAMESPACES", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return new OperatorSettings(
        namespaces,
        blankToNull(env.get("CACHEPAIR_OPERATOR_NAMESPACE")),
        env.getOrDefault("CACHEPAIR_OPERATOR_LEASE_NAME", "cachepair-operator"),
        Boolean.parseBoolean(env.getOrDefault("CACHEPAIR_OPERATOR_LEADER_ELECTION", "true")),
        Integer.parseInt(env.getOrDefault("CACHEPAIR_OPERATOR_HEALTH_PORT", "8081")),
        Duration.ofSeconds(
            Long.parseLong(env.getOrDefault("CACHEPAIR_OPERATOR_MEMBER_TIMEOUT_SECONDS", "3"))),
        env.getOrDefault(
            "CACHEPAIR_OPERATOR_POD_NAME", env.getOrDefault("HOSTNAME", "cachepair-operator")),
        Optional.ofNullable(blankToNull(env.get("CACHEPAIR_OPERATOR_MEMBER_TOKEN_FILE")))
            .map(Path::of)
            .orElse(null));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
