package io.cachepair.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachepair.operator.testing.Pairs;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The field table of {@code docs/operations.md} ("## The custom resource") and the committed CRD
 * name the same spec fields, so the reference docs cannot drift from the Java types the CRD is
 * generated from.
 *
 * <p>A field is every property under {@code spec} in the openAPIV3Schema, sections included; the
 * contents of Kubernetes' own types ({@code resources}, {@code env}), which carry no description of
 * ours, are one field each. In the table's first column a row of full paths ({@code `spec.menu`})
 * documents those paths, and a row of paths starting with a dot ({@code `.image`}) continues each
 * full path of the last such row ({@code spec.menu.image}, {@code spec.order.image}).
 */
class CustomResourceDocsTest {

  private static final Path DOCS = Pairs.REPO.resolve("docs/operations.md");
  private static final String SECTION = "## The custom resource";
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private static SortedSet<String> crdFields;
  private static SortedSet<String> documentedFields;

  @BeforeAll
  static void readCrdAndDocs() throws IOException {
    JSONSchemaProps spec =
        Pairs.crd()
            .getSpec()
            .getVersions()
            .get(0)
            .getSchema()
            .getOpenAPIV3Schema()
            .getProperties()
            .get("spec");
    crdFields = new TreeSet<>();
    collectFields(spec, "spec", crdFields);
    documentedFields = documentedFields(Files.readAllLines(DOCS));
  }

  @Test
  void docsFieldTable_documentsEverySpecFieldOfTheCrd() {
    SortedSet<String> undocumented = new TreeSet<>(crdFields);
    undocumented.removeAll(documentedFields);

    assertThat(undocumented)
        .as(
            "spec fields of %s missing from the table under '%s' in %s",
            Pairs.CRD_FILE.getFileName(), SECTION, Pairs.REPO.relativize(DOCS))
        .isEmpty();
  }

  @Test
  void docsFieldTable_documentsNoFieldTheCrdLacks() {
    SortedSet<String> unknown = new TreeSet<>(documentedFields);
    unknown.removeAll(crdFields);

    assertThat(unknown)
        .as(
            "fields in the table under '%s' in %s that %s does not have",
            SECTION, Pairs.REPO.relativize(DOCS), Pairs.CRD_FILE.getFileName())
        .isEmpty();
  }

  /** Adds the path of every property below {@code node}, descending into types of ours only. */
  private static void collectFields(JSONSchemaProps node, String path, Set<String> fields) {
    for (Map.Entry<String, JSONSchemaProps> property : properties(node).entrySet()) {
      String field = path + "." + property.getKey();
      fields.add(field);
      if (describesBelow(property.getValue())) {
        collectFields(property.getValue(), field, fields);
      }
    }
  }

  /**
   * Whether a property below {@code node} carries a description: the generator writes one only for
   * our {@code @JsonPropertyDescription}s, never inside Kubernetes' model types.
   */
  private static boolean describesBelow(JSONSchemaProps node) {
    return properties(node).values().stream()
        .anyMatch(child -> child.getDescription() != null || describesBelow(child));
  }

  /** The properties of an object, or of the items of an array of objects. */
  private static Map<String, JSONSchemaProps> properties(JSONSchemaProps node) {
    if (node.getProperties() != null && !node.getProperties().isEmpty()) {
      return node.getProperties();
    }
    if (node.getItems() != null && node.getItems().getSchema() != null) {
      return properties(node.getItems().getSchema());
    }
    return Map.of();
  }

  /** The paths the field tables of the custom-resource section document. */
  private static SortedSet<String> documentedFields(List<String> lines) {
    int start = lines.indexOf(SECTION);
    assertThat(start).as("%s has a section '%s'", DOCS, SECTION).isNotNegative();
    SortedSet<String> fields = new TreeSet<>();
    List<String> bases = new ArrayList<>();
    boolean inFieldTable = false;
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|")) {
        inFieldTable = false;
        continue;
      }
      String firstCell = line.substring(1).split("(?<!\\\\)\\|", 2)[0].trim();
      if (!inFieldTable) {
        // a table starts with its header; only tables whose first column is "field" list fields
        inFieldTable = firstCell.equals("field");
        continue;
      }
      if (firstCell.matches("-+")) {
        continue;
      }
      readRow(line, firstCell, bases, fields);
    }
    assertThat(fields).as("field table under '%s' in %s", SECTION, DOCS).isNotEmpty();
    return fields;
  }

  private static void readRow(
      String line, String firstCell, List<String> bases, SortedSet<String> fields) {
    List<String> paths = new ArrayList<>();
    Matcher code = CODE.matcher(firstCell);
    while (code.find()) {
      paths.add(code.group(1));
    }
    boolean allFull = paths.stream().allMatch(p -> p.startsWith("spec."));
    boolean allContinued = paths.stream().allMatch(p -> p.startsWith("."));
    assertThat(!paths.isEmpty() && (allFull || allContinued))
        .as(
            "row %s: the first column names either full paths (`spec.menu`) or continuations"
                + " (`.image`), in backticks",
            line)
        .isTrue();
    if (allFull) {
      bases.clear();
      bases.addAll(paths);
      fields.addAll(paths);
      return;
    }
    assertThat(bases).as("row %s continues no full path above it", line).isNotEmpty();
    for (String base : bases) {
      for (String continuation : paths) {
        fields.add(base + continuation);
      }
    }
  }
}
