package io.cachepair.operator.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One member's {@code GET /actuator/cachepair} as the services serve it (the fields the operator
 * uses; the rest of the JSON is ignored).
 *
 * @param cluster Coherence cluster name
 * @param role functional role of the answering member ({@code menu} or {@code order})
 * @param state the member's state, e.g. {@code READY} or {@code PRELOADING}
 * @param contractVersion contract the answering member announces, or {@code null}
 * @param members every cluster member the answering one sees
 * @param statusHA StatusHA of the dish service, or {@code null} when it does not run
 * @param viewCount entries in the member's local dish view
 * @param viewComplete whether the member's view holds the full cache
 * @param writePaused whether a write pause is in force
 */
public record MemberReport(
    String cluster,
    String role,
    String state,
    Integer contractVersion,
    List<Member> members,
    String statusHA,
    Long viewCount,
    Boolean viewComplete,
    boolean writePaused) {

  /** StatusHA values that tolerate the loss of one member (Coherence's ordering). */
  public static final Set<String> SAFE_STATUSES =
      Set.of("NODE_SAFE", "MACHINE_SAFE", "RACK_SAFE", "SITE_SAFE");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A cluster member as {@code members[]} lists it.
   *
   * @param id Coherence member id
   * @param role functional role
   * @param contractVersion announced contract, or {@code null}
   */
  public record Member(int id, String role, Integer contractVersion) {}

  public MemberReport {
    members = List.copyOf(members);
  }

  /** Whether the dish service tolerates the loss of one member now. */
  public boolean safe() {
    return statusHA != null && SAFE_STATUSES.contains(statusHA);
  }

  /** How many members of {@code role} the answering member sees. */
  public long membersWithRole(String role) {
    return members.stream().filter(m -> role.equals(m.role())).count();
  }

  /**
   * Parses the endpoint's JSON.
   *
   * @throws IllegalArgumentException when it is not JSON of the expected shape
   */
  public static MemberReport parse(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      List<Member> members = new ArrayList<>();
      for (JsonNode m : root.path("members")) {
        members.add(
            new Member(
                m.path("id").asInt(), text(m.path("role")), integer(m.path("contractVersion"))));
      }
      JsonNode view = root.path("view");
      JsonNode pause = root.path("writePause");
      return new MemberReport(
          text(root.path("cluster")),
          text(root.path("role")),
          text(root.path("state")),
          integer(root.path("contractVersion")),
          members,
          text(root.path("statusHA")),
          view.path("count").canConvertToLong() ? view.path("count").asLong() : null,
          view.path("complete").isBoolean() ? view.path("complete").asBoolean() : null,
          pause.isObject());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  private static Integer integer(JsonNode node) {
    return node.canConvertToInt() && !node.isNull() && !node.isTextual() ? node.asInt() : null;
  }
}
