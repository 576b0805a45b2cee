package io.cachepair.contract.schema;

import com.tangosol.io.pof.PofContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build-time gate of a cached type: derive its schema from the wire, check it against the
 * previous published version and the declared mode, and verify it is exactly what was published for
 * that version — or, only when asked explicitly ({@link Mode#PUBLISH}), publish it.
 *
 * <p>Like the CRD drift check, verification never writes: a descriptor that is missing or differs
 * fails the build with the command that writes it ({@link #UPDATE_COMMAND}), so a forgotten commit
 * is caught on CI.
 */
public final class ContractPublication {

  /** The command that publishes missing or outdated descriptors; failures name it. */
  public static final String UPDATE_COMMAND =
      "./mvnw -B -pl cache-contract -am -Pupdate-contract test -Dtest=PublishedContractTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false";

  /** Whether a check only verifies (every build) or also writes descriptors (on request). */
  public enum Mode {
    /** Fail when the published descriptor is missing or differs. */
    VERIFY,
    /** Write a missing descriptor, or rewrite one whose wire format is unchanged. */
    PUBLISH
  }

  /**
   * What the check found.
   *
   * @param schema the current schema, with its computed compatibility
   * @param written the descriptor file written, when this version was published just now
   */
  public record Outcome(TypeSchema schema, Optional<Path> written) {}

  /** Raised when the build must fail; the message names type, field and rule, or the command. */
  public static final class ContractViolationException extends RuntimeException {
    ContractViolationException(String message) {
      super(message);
    }
  }

  private ContractPublication() {}

  /**
   * Checks one cached type.
   *
   * @param type the type's declaration
   * @param pof the POF context the members use
   * @param folder the folder of published descriptors
   * @param mode whether to verify only or also publish
   * @return the outcome
   * @throws ContractViolationException when the change breaks the declared compatibility, the wire
   *     format changed without a version bump, or (when verifying) the descriptor is missing or
   *     differs from what the build derives
   */
  public static Outcome check(CachedType type, PofContext pof, Path folder, Mode mode) {
    TypeSchema current = WireSchema.of(type, pof, CompatibilityMode.FULL);
    CompatibilityMode computed = CompatibilityMode.FULL;
    if (current.version() > 1) {
      int previousVersion = current.version() - 1;
      TypeSchema previous =
          DescriptorFile.read(folder, type.name(), previousVersion)
              .orElseThrow(
                  () ->
                      new ContractViolationException(
                          type.name()
                              + " v"
                              + previousVersion
                              + " was never published ("
                              + DescriptorFile.path(folder, type.name(), previousVersion)
                              + " is missing)"));
      CompatibilityChecker.Verdict verdict = CompatibilityChecker.compare(previous, current);
      var violations = verdict.violations(type.declared());
      if (!violations.isEmpty()) {
        StringBuilder message =
            new StringBuilder(type.name())
                .append(" v")
                .append(current.version())
                .append(" breaks its declared ")
                .append(type.declared())
                .append(" compatibility with v")
                .append(previousVersion)
                .append(':');
        violations.forEach(
            v ->
                message
                    .append(" field ")
                    .append(v.field())
                    .append(": ")
                    .append(v.rule())
                    .append(" (allows ")
                    .append(v.mode())
                    .append(");"));
        throw new ContractViolationException(message.toString());
      }
      computed = verdict.mode();
    }
    TypeSchema publishable = current.withCompatibility(computed);
    Path file = DescriptorFile.path(folder, type.name(), current.version());
    Optional<TypeSchema> published = DescriptorFile.read(folder, type.name(), current.version());
    if (published.isPresent() && !published.get().sameWireFormat(publishable)) {
      throw new ContractViolationException(
          "the wire format of "
              + type.name()
              + " changed but its version ("
              + current.version()
              + ") did not: bump its IMPL_VERSION and declare the change; published "
              + published.get().fields()
              + ", now "
              + publishable.fields());
    }
    String expected = DescriptorFile.render(publishable);
    if (published.isPresent() && expected.equals(DescriptorFile.text(file))) {
      return new Outcome(publishable, Optional.empty());
    }
    if (mode == Mode.PUBLISH) {
      return new Outcome(publishable, Optional.of(DescriptorFile.write(folder, publishable)));
    }
    throw new ContractViolationException(
        type.name()
            + " v"
            + current.version()
            + (published.isEmpty()
                ? " has no published descriptor (" + file + " is missing)"
                : " differs from its published descriptor " + file)
            + ": run "
            + UPDATE_COMMAND
            + " and commit "
            + file.getFileName());
  }
}
