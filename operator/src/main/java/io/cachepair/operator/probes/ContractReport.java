package io.cachepair.operator.probes;

import io.cachepair.operator.api.v1alpha1.ServiceRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The cache contract one service's ready pods report on {@code GET /api/cluster}, so the operator
 * can refuse to roll the other service on top of an image built for another schema.
 *
 * @param role the service whose pods were asked
 * @param answeringVersion {@code contractVersion} of the member that answered, or {@code null} when
 *     no member answered
 * @param members every member the answer lists, with its announced contract
 * @param detail human-readable summary, shown in status
 */
public record ContractReport(
    ServiceRole role, Integer answeringVersion, List<Member> members, String detail) {

  /**
   * One member as {@code members[]} lists it.
   *
   * @param id Coherence member id
   * @param role functional role ({@code menu} or {@code order})
   * @param contractVersion announced contract version, or {@code null} when it announces none
   */
  public record Member(int id, String role, Integer contractVersion) {}

  public ContractReport {
    members = List.copyOf(members);
  }

  /** A report when no member of {@code role} could be asked. */
  public static ContractReport unknown(ServiceRole role, String detail) {
    return new ContractReport(role, null, List.of(), detail);
  }

  /** A report in which every member of {@code role} and the answering one speak {@code version}. */
  public static ContractReport uniform(ServiceRole role, int version, String source) {
    return new ContractReport(
        role,
        version,
        List.of(new Member(1, role.id(), version)),
        role.serviceName() + " reports contract " + version + " (" + source + ")");
  }

  /** Whether a member of the service answered at all. */
  public boolean answered() {
    return answeringVersion != null;
  }

  /**
   * Why the service's pods do not speak {@code expected}, or empty when the answering member and
   * every listed member of the service report it.
   */
  public Optional<String> mismatchWith(int expected) {
    List<String> wrong = new ArrayList<>();
    if (!Objects.equals(answeringVersion, expected)) {
      wrong.add("the answering member reports " + answeringVersion);
    }
    for (Member member : members) {
      if (role.id().equals(member.role()) && !Objects.equals(member.contractVersion(), expected)) {
        wrong.add(
            "member "
                + member.id()
                + " reports "
                + (member.contractVersion() == null ? "no contract" : member.contractVersion()));
      }
    }
    if (wrong.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        role.serviceName()
            + " pods do not speak contract "
            + expected
            + " on /api/cluster: "
            + String.join(", ", wrong));
  }
}
