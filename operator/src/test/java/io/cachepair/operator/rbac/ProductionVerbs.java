package io.cachepair.operator.rbac;

import io.cachepair.operator.testing.ApiRequest;
import java.util.List;
import java.util.Set;

/**
 * What the real API server checks for a request the operator sent to the mock. The mock cannot
 * serve server-side apply, so tests turn it off; production applies its dependents and the pair's
 * status, and an apply is checked as {@code patch}, plus {@code create} when the object is new.
 */
final class ProductionVerbs {

  /** Resources the production configuration writes by server-side apply. */
  static final Set<String> APPLIED =
      Set.of(
          "apps/deployments",
          "services",
          "policy/poddisruptionbudgets",
          "networking.k8s.io/networkpolicies",
          "cachepair.io/cachedservicepairs/status");

  private ProductionVerbs() {}

  static List<ApiRequest> checkedFor(ApiRequest request) {
    String key = (request.group().isEmpty() ? "" : request.group() + "/") + request.resource();
    if (!APPLIED.contains(key)) {
      return List.of(request);
    }
    return switch (request.verb()) {
      case "create" -> List.of(request.withVerb("create"), request.withVerb("patch"));
      case "update", "patch" -> List.of(request.withVerb("patch"));
      default -> List.of(request);
    };
  }
}
