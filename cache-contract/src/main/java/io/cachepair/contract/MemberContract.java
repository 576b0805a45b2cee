package io.cachepair.contract;

import com.tangosol.net.MemberIdentity;
import java.util.Optional;
import java.util.Set;

/**
 * The contract a member announces in its Coherence identity when it joins: the version it writes
 * and the oldest version it can still read.
 *
 * <p>It travels as extra roles in the member's role name ({@code "menu,contract-2,reads-1"}), so
 * every member can read every other member's contract from the cluster's member set before its own
 * dish service starts.
 *
 * @param version the contract version this member writes
 * @param oldestReadable the oldest contract version this member can read
 */
public record MemberContract(int version, int oldestReadable) {

  private static final String VERSION_ROLE = "contract-";
  private static final String READS_ROLE = "reads-";

  /** The contract of this build. */
  public static MemberContract current() {
    return new MemberContract(ContractVersion.CURRENT, ContractVersion.OLDEST_READABLE);
  }

  /**
   * Builds the Coherence role name that announces this contract.
   *
   * @param role the member's functional role, e.g. {@code menu}
   * @return the role name to start Coherence with
   */
  public String roleName(String role) {
    return role + "," + VERSION_ROLE + version + "," + READS_ROLE + oldestReadable;
  }

  /**
   * Reads the contract a member announced.
   *
   * @param member the member's identity
   * @return its contract, or empty when it announced none (not a cachepair member)
   */
  public static Optional<MemberContract> of(MemberIdentity member) {
    Set<String> roles = member.getRoles();
    Integer version = null;
    Integer reads = null;
    for (String role : roles) {
      if (role.startsWith(VERSION_ROLE)) {
        version = parse(role.substring(VERSION_ROLE.length()));
      } else if (role.startsWith(READS_ROLE)) {
        reads = parse(role.substring(READS_ROLE.length()));
      }
    }
    if (version == null) {
      return Optional.empty();
    }
    return Optional.of(new MemberContract(version, reads == null ? version : reads));
  }

  /**
   * Returns the member's functional role: the first role that is not a contract announcement.
   *
   * @param member the member's identity
   * @return e.g. {@code menu}, or {@code unknown}
   */
  public static String functionalRole(MemberIdentity member) {
    String name = member.getRoleName();
    if (name == null || name.isBlank()) {
      return "unknown";
    }
    int comma = name.indexOf(',');
    return comma < 0 ? name : name.substring(0, comma);
  }

  /**
   * Tells why a member with this contract must not store data next to a member with another one.
   *
   * @param other the contract another member announced
   * @return the rule that is broken, naming both versions, or empty when they can share the cache
   */
  public Optional<String> conflictWith(MemberContract other) {
    if (other.version < oldestReadable) {
      return Optional.of(
          "contract "
              + version
              + " reads data of contract "
              + oldestReadable
              + " or newer only, but contract "
              + other.version
              + " writes older data");
    }
    if (version < other.oldestReadable) {
      return Optional.of(
          "contract "
              + other.version
              + " reads data of contract "
              + other.oldestReadable
              + " or newer only, but contract "
              + version
              + " writes older data");
    }
    return Optional.empty();
  }

  private static Integer parse(String s) {
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
