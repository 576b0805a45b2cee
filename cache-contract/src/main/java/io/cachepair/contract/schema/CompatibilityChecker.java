package io.cachepair.contract.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes how compatible a new version of a cached type is with the previous one, by the rules for
 * POF evolvable types, and says which field broke which rule.
 *
 * <ul>
 *   <li>a field appended after the last index, nullable or with a default, introduced in the new
 *       version: FULL (old members keep it as future data);
 *   <li>an enum constant added: BACKWARD (old readers cannot read it);
 *   <li>an enum constant removed: FORWARD (new readers cannot read old data holding it);
 *   <li>a field removed, renamed, retyped, reindexed, inserted before the last index, or made
 *       non-nullable: NONE; a changed type id: NONE.
 * </ul>
 */
public final class CompatibilityChecker {

  /**
   * One rule a change triggered.
   *
   * @param field the field concerned, or {@code *} for the whole type
   * @param rule what changed
   * @param mode the most a change like this allows
   */
  public record Finding(String field, String rule, CompatibilityMode mode) {}

  /**
   * The outcome of a comparison.
   *
   * @param mode the computed mode (the weakest of all findings; FULL when nothing changed)
   * @param findings every rule triggered
   */
  public record Verdict(CompatibilityMode mode, List<Finding> findings) {

    /** The findings that break a declared mode. */
    public List<Finding> violations(CompatibilityMode declared) {
      return findings.stream().filter(f -> !f.mode().satisfies(declared)).toList();
    }
  }

  private CompatibilityChecker() {}

  /**
   * Compares two versions of a type.
   *
   * @param previous the last published version
   * @param current the version being built
   * @return the computed mode and the rules that led to it
   */
  public static Verdict compare(TypeSchema previous, TypeSchema current) {
    List<Finding> findings = new ArrayList<>();
    if (previous.typeId() != current.typeId()) {
      findings.add(
          new Finding(
              "*",
              "type id changed from " + previous.typeId() + " to " + current.typeId(),
              CompatibilityMode.NONE));
    }
    int lastOldIndex = previous.fields().stream().mapToInt(FieldSchema::index).max().orElse(-1);
    for (FieldSchema old : previous.fields()) {
      Optional<FieldSchema> now = current.field(old.index());
      if (now.isEmpty()) {
        Optional<FieldSchema> moved =
            current.fields().stream().filter(f -> f.name().equals(old.name())).findFirst();
        findings.add(
            new Finding(
                old.name(),
                moved.isPresent()
                    ? "field reindexed from " + old.index() + " to " + moved.get().index()
                    : "field removed (index " + old.index() + ")",
                CompatibilityMode.NONE));
        continue;
      }
      compareField(old, now.get(), findings);
    }
    for (FieldSchema added : current.fields()) {
      if (previous.field(added.index()).isPresent()) {
        continue;
      }
      if (previous.fields().stream().anyMatch(f -> f.name().equals(added.name()))) {
        continue; // reported as reindexed above
      }
      if (added.index() < lastOldIndex) {
        findings.add(
            new Finding(
                added.name(),
                "field inserted at index "
                    + added.index()
                    + " before the last existing index "
                    + lastOldIndex,
                CompatibilityMode.NONE));
      } else if (added.since() != current.version()) {
        findings.add(
            new Finding(
                added.name(),
                "field added without since=" + current.version() + " (says " + added.since() + ")",
                CompatibilityMode.NONE));
      } else {
        findings.add(
            new Finding(
                added.name(), "field appended at index " + added.index(), CompatibilityMode.FULL));
      }
    }
    CompatibilityMode mode = CompatibilityMode.FULL;
    for (Finding f : findings) {
      mode = mode.and(f.mode());
    }
    return new Verdict(mode, List.copyOf(findings));
  }

  private static void compareField(FieldSchema old, FieldSchema now, List<Finding> findings) {
    if (!old.name().equals(now.name())) {
      findings.add(
          new Finding(
              old.name(),
              "field at index " + old.index() + " renamed to " + now.name(),
              CompatibilityMode.NONE));
    }
    if (!old.type().equals(now.type())) {
      findings.add(
          new Finding(
              old.name(),
              "field retyped from " + old.type() + " to " + now.type(),
              CompatibilityMode.NONE));
      return;
    }
    if (old.nullable() && !now.nullable()) {
      findings.add(new Finding(old.name(), "field became non-nullable", CompatibilityMode.NONE));
    }
    List<String> added =
        now.enumConstants().stream().filter(c -> !old.enumConstants().contains(c)).toList();
    List<String> removed =
        old.enumConstants().stream().filter(c -> !now.enumConstants().contains(c)).toList();
    if (!added.isEmpty()) {
      findings.add(
          new Finding(old.name(), "enum constants added " + added, CompatibilityMode.BACKWARD));
    }
    if (!removed.isEmpty()) {
      findings.add(
          new Finding(old.name(), "enum constants removed " + removed, CompatibilityMode.FORWARD));
    }
  }
}
