package io.cachepair.operator.testing;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One request to the API server as RBAC sees it: the verb, the resource (with subresource) in its
 * API group, the namespace, and who sent it (user agent), parsed from the mock server's record.
 *
 * @param method HTTP method
 * @param verb RBAC verb: get, list, watch, create, update, patch, delete, deletecollection
 * @param group API group, {@code ""} for the core group
 * @param resource plural resource, with {@code /subresource} when there is one
 * @param namespace namespace, or {@code null} for cluster scope or all namespaces
 * @param name object name, or {@code null} for a collection
 * @param userAgent the client's user agent
 * @param path the request path, for messages
 */
public record ApiRequest(
    String method,
    String verb,
    String group,
    String resource,
    String namespace,
    String name,
    String userAgent,
    String path) {

  /** The request as RBAC sees it, or empty for discovery and other non-resource URLs. */
  public static Optional<ApiRequest> of(RecordedRequest recorded) {
    URI uri = URI.create(recorded.getPath());
    List<String> parts = Arrays.stream(uri.getPath().split("/")).filter(p -> !p.isEmpty()).toList();
    String group;
    List<String> rest;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      rest = parts.subList(2, parts.size());
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      rest = parts.subList(3, parts.size());
    } else {
      return Optional.empty();
    }
    String namespace = null;
    if (rest.size() >= 2 && rest.get(0).equals("namespaces") && rest.size() > 2) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    if (rest.isEmpty()) {
      return Optional.empty();
    }
    String resource = rest.get(0);
    String name = rest.size() > 1 ? rest.get(1) : null;
    if (rest.size() > 2) {
      resource = resource + "/" + rest.get(2);
    }
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    String verb =
        switch (recorded.getMethod()) {
          case "GET" ->
              query.contains("watch=true") || query.contains("watch=1")
                  ? "watch"
                  : name == null ? "list" : "get";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> name == null ? "deletecollection" : "delete";
          default -> recorded.getMethod().toLowerCase(java.util.Locale.ROOT);
        };
    return Optional.of(
        new ApiRequest(
            recorded.getMethod(),
            verb,
            group,
            resource,
            namespace,
            name,
            String.valueOf(recorded.getHeader("User-Agent")),
            uri.getPath()));
  }

  /** The same request with another verb: what the real API server checks for it. */
  public ApiRequest withVerb(String other) {
    return new ApiRequest(method, other, group, resource, namespace, name, userAgent, path);
  }

  /** {@code verb group/resource in namespace}, e.g. {@code patch coordination.k8s.io/leases}. */
  public String permission() {
    return verb
        + " "
        + (group.isEmpty() ? "" : group + "/")
        + resource
        + (namespace == null ? " (cluster-wide)" : " in " + namespace);
  }
}
