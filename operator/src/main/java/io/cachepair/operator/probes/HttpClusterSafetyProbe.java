package io.cachepair.operator.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads {@code GET /api/cluster} from a ready member through the service's ClusterIP Service (which
 * routes only to ready pods), with short timeouts so a reconcile never waits long on it.
 */
public final class HttpClusterSafetyProbe implements PairSafetyProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;
  private final BiFunction<CachedServicePair, ServiceRole, URI> endpoint;

  /**
   * @param timeout bound of one request, connect included
   * @param endpoint the {@code /api/cluster} URI of a role's Service
   */
  public HttpClusterSafetyProbe(
      Duration timeout, BiFunction<CachedServicePair, ServiceRole, URI> endpoint) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
    this.endpoint = endpoint;
  }

  /** Asks the in-cluster Service DNS name of each role, on port 8080. */
  public static HttpClusterSafetyProbe inCluster(Duration timeout) {
    return new HttpClusterSafetyProbe(
        timeout,
        (pair, role) ->
            URI.create(
                "http://"
                    + pair.getMetadata().getName()
                    + "-"
                    + role.id()
                    + "."
                    + pair.getMetadata().getNamespace()
                    + ".svc:8080/api/cluster"));
  }

  @Override
  public ContractReport contractOf(CachedServicePair pair, ServiceRole role) {
    URI uri = endpoint.apply(pair, role);
    try {
      HttpResponse<String> response = get(uri);
      if (response.statusCode() != 200) {
        return ContractReport.unknown(
            role, role.serviceName() + " answered " + response.statusCode() + " on " + uri);
      }
      return parseContract(response.body(), role);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ContractReport.unknown(role, "interrupted while asking " + uri);
    } catch (Exception e) {
      return ContractReport.unknown(
          role, "no " + role.serviceName() + " member answered: " + e.getClass().getSimpleName());
    }
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public SafetyVerdict check(CachedServicePair pair) {
    List<String> failures = new ArrayList<>();
    for (ServiceRole role : List.of(ServiceRole.MENU, ServiceRole.ORDER)) {
      URI uri = endpoint.apply(pair, role);
      try {
        HttpResponse<String> response = get(uri);
        if (response.statusCode() != 200) {
          failures.add(role.serviceName() + " answered " + response.statusCode());
          continue;
        }
        return parse(response.body(), role.serviceName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return SafetyVerdict.unknown("interrupted while asking " + uri);
      } catch (Exception e) {
        failures.add(role.serviceName() + ": " + e.getClass().getSimpleName());
      }
    }
    return SafetyVerdict.unknown(
        "no member answered /api/cluster (" + String.join(", ", failures) + ")");
  }

  /** Reads the cluster report JSON of the services. */
  static SafetyVerdict parse(String body, String source) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode status = root.path("statusHA");
      String statusHA = status.isTextual() ? status.asText() : null;
      Set<Integer> versions = new HashSet<>();
      for (JsonNode member : root.path("members")) {
        if (member.path("contractVersion").canConvertToInt()) {
          versions.add(member.path("contractVersion").asInt());
        }
      }
      return SafetyVerdict.fromStatusHA(statusHA, versions, source);
    } catch (Exception e) {
      return SafetyVerdict.unknown(source + " sent an unreadable /api/cluster: " + e.getMessage());
    }
  }

  /** Reads the contract versions out of a cluster report JSON of {@code role}'s Service. */
  static ContractReport parseContract(String body, ServiceRole role) {
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode own = root.path("contractVersion");
      List<ContractReport.Member> members = new ArrayList<>();
      for (JsonNode member : root.path("members")) {
        JsonNode version = member.path("contractVersion");
        members.add(
            new ContractReport.Member(
                member.path("id").asInt(),
                member.path("role").asText(null),
                version.canConvertToInt() ? version.asInt() : null));
      }
      if (!own.canConvertToInt()) {
        return ContractReport.unknown(
            role, role.serviceName() + " sent /api/cluster without a contractVersion");
      }
      return new ContractReport(
          role,
          own.asInt(),
          members,
          role.serviceName() + " reports contract " + own.asInt() + " (/api/cluster)");
    } catch (Exception e) {
      return ContractReport.unknown(
          role, role.serviceName() + " sent an unreadable /api/cluster: " + e.getMessage());
    }
  }
}
