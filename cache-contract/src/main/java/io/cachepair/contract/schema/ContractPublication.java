package io.cachepair.contract.schema;

import com.tangosol.io.pof.PofContext;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build-time gate of a cached type: derive its schema from the wire, check it against the
 * previous published version and the declared mode, and publish it, or verify it is what was
 * published for that version.
 */
public final class ContractPublication {

  /**
   * What the check found.
   *
   * @param schema the current schema, with its computed compatibility
   * @param written the descriptor file written, when this version was published just now
   */
  public record Outcome(TypeSchema schema, Optional<Path> written) {}

  /** Raised when the build must fail; the message names type, field and rule. */
  public static final class ContractViolation extends RuntimeException {
    ContractViolation(String message) {
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
   * @return the outcome
   * @throws ContractViolation when the change breaks the declared compatibility, or the wire format
   *     changed without a version bump
   */
  public static Outcome check(CachedType type, PofContext pof, Path folder) {
    TypeSchema current = WireSchema.of(type, pof, CompatibilityMode.FULL);
    CompatibilityMode computed = CompatibilityMode.FULL;
    if (current.version() > 1) {
      int previousVersion = current.version() - 1;
      TypeSchema previous =
          DescriptorFile.read(folder, type.name(), previousVersion)
              .orElseThrow(
                  () ->
                      new ContractViolation(
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
        throw new ContractViolation(message.toString());
      }
      computed = verdict.mode();
    }
    TypeSchema publishable = current.withCompatibility(computed);
    Optional<TypeSchema> published = DescriptorFile.read(folder, type.name(), current.version());
    if (published.isEmpty()) {
      return new Outcome(publishable, Optional.of(DescriptorFile.write(folder, publishable)));
    }
    if (!published.get().sameWireFormat(publishable)) {
      throw new ContractViolation(
          "the wire format of "
              + type.name()
              + " changed but its version ("
              + current.version()
              + ") did not: bump its IMPL_VERSION and declare the change; published "
              + published.get().fields()
              + ", now "
              + publishable.fields());
    }
    return new Outcome(publishable, Optional.empty());
  }
}
