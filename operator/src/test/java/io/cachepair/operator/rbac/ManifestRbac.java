package io.cachepair.operator.rbac;

import io.cachepair.operator.testing.ApiRequest;
import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Roles and ClusterRoles {@code manifests/} binds to the operator's ServiceAccount, evaluated
 * as the API server's RBAC authorizer does (ClusterRoleBinding: every namespace; RoleBinding: its
 * own namespace only), so a test can ask whether a recorded request would be allowed.
 */
final class ManifestRbac {

  static final String NAMESPACE = "cachepair-system";
  static final String SERVICE_ACCOUNT = "cachepair-operator";

  /** A rule and where it applies: {@code null} namespace means every namespace. */
  record Grant(String source, String namespace, PolicyRule rule) {}

  private final List<Grant> grants;

  private ManifestRbac(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /** Reads the kustomize base (top-level files of {@code manifests/}). */
  static ManifestRbac fromManifests() throws IOException {
    List<Object> objects = new ArrayList<>();
    KubernetesSerialization serialization = new KubernetesSerialization();
    try (Stream<Path> files = Files.list(Pairs.REPO.resolve("manifests"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Object parsed = serialization.unmarshal(Files.readString(file));
        if (parsed instanceof List<?> list) {
          objects.addAll(list);
        } else {
          objects.add(parsed);
        }
      }
    }
    List<Grant> grants = new ArrayList<>();
    for (Object o : objects) {
      if (o instanceof ClusterRoleBinding binding && boundToOperator(binding.getSubjects())) {
        ClusterRole role = find(objects, ClusterRole.class, binding.getRoleRef().getName(), null);
        role.getRules().forEach(r -> grants.add(new Grant("ClusterRole " + name(role), null, r)));
      }
      if (o instanceof RoleBinding binding && boundToOperator(binding.getSubjects())) {
        String ns = binding.getMetadata().getNamespace();
        if ("ClusterRole".equals(binding.getRoleRef().getKind())) {
          ClusterRole role = find(objects, ClusterRole.class, binding.getRoleRef().getName(), null);
          role.getRules().forEach(r -> grants.add(new Grant("ClusterRole " + name(role), ns, r)));
        } else {
          Role role = find(objects, Role.class, binding.getRoleRef().getName(), ns);
          role.getRules().forEach(r -> grants.add(new Grant("Role " + name(role), ns, r)));
        }
      }
    }
    return new ManifestRbac(grants);
  }

  /**
   * Whether some bound rule allows the request. Reviewing one's own rules (selfsubjectrulesreviews,
   * selfsubjectaccessreviews) is allowed to every authenticated user by the API server's default
   * {@code system:basic-user} ClusterRole, not by {@code manifests/}.
   */
  boolean allows(ApiRequest request) {
    if (SELF_REVIEWS.contains(request.group() + "/" + request.resource())
        && "create".equals(request.verb())) {
      return true;
    }
    return grants.stream().anyMatch(g -> matches(g, request));
  }

  /** What a SelfSubjectRulesReview in {@code namespace} answers for the operator. */
  List<PolicyRule> rulesIn(String namespace) {
    return grants.stream()
        .filter(g -> g.namespace() == null || g.namespace().equals(namespace))
        .map(Grant::rule)
        .toList();
  }

  static final Set<String> SELF_REVIEWS =
      Set.of(
          "authorization.k8s.io/selfsubjectrulesreviews",
          "authorization.k8s.io/selfsubjectaccessreviews");

  /**
   * Every {@code verb group/resource} the bound rules grant, each with its scope, e.g. {@code "Role
   * cachepair-operator-leader-election in cachepair-system: patch coordination.k8s.io/leases"}.
   */
  Set<String> grantedPermissions() {
    Set<String> all = new LinkedHashSet<>();
    for (Grant g : grants) {
      for (String group : g.rule().getApiGroups()) {
        for (String resource : g.rule().getResources()) {
          for (String verb : g.rule().getVerbs()) {
            all.add(key(g, group, resource, verb));
          }
        }
      }
    }
    return all;
  }

  /** The granted permission (as {@link #grantedPermissions}) a request uses, one per match. */
  Set<String> permissionsUsedBy(ApiRequest request) {
    Set<String> used = new LinkedHashSet<>();
    for (Grant g : grants) {
      if (matches(g, request)) {
        used.add(key(g, request.group(), request.resource(), request.verb()));
      }
    }
    return used;
  }

  private static String key(Grant g, String group, String resource, String verb) {
    return g.source()
        + (g.namespace() == null ? "" : " in " + g.namespace())
        + ": "
        + verb
        + " "
        + (group.isEmpty() ? "" : group + "/")
        + resource;
  }

  private static boolean matches(Grant grant, ApiRequest request) {
    if (grant.namespace() != null && !grant.namespace().equals(request.namespace())) {
      return false;
    }
    PolicyRule rule = grant.rule();
    return (rule.getApiGroups().contains(request.group()) || rule.getApiGroups().contains("*"))
        && (rule.getResources().contains(request.resource()) || rule.getResources().contains("*"))
        && (rule.getVerbs().contains(request.verb()) || rule.getVerbs().contains("*"))
        && (rule.getResourceNames() == null
            || rule.getResourceNames().isEmpty()
            || rule.getResourceNames().contains(request.name()));
  }

  private static boolean boundToOperator(List<Subject> subjects) {
    return subjects.stream()
        .anyMatch(
            s ->
                "ServiceAccount".equals(s.getKind())
                    && SERVICE_ACCOUNT.equals(s.getName())
                    && NAMESPACE.equals(s.getNamespace()));
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T find(
      List<Object> objects, Class<T> type, String name, String namespace) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .filter(o -> namespace == null || namespace.equals(o.getMetadata().getNamespace()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("manifests/ binds a missing " + name));
  }

  private static String name(io.fabric8.kubernetes.api.model.HasMetadata o) {
    return o.getMetadata().getName();
  }
}
