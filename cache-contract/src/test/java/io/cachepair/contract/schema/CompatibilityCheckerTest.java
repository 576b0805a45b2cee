package io.cachepair.contract.schema;

import static io.cachepair.contract.schema.CompatibilityMode.BACKWARD;
import static io.cachepair.contract.schema.CompatibilityMode.FORWARD;
import static io.cachepair.contract.schema.CompatibilityMode.FULL;
import static io.cachepair.contract.schema.CompatibilityMode.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each compatibility rule over fixture schemas of a small "Fixture" type. */
class CompatibilityCheckerTest {

  static final FieldSchema ID = FieldSchema.of(0, "id", "string", false, 1);
  static final FieldSchema PRICE = FieldSchema.of(1, "price", "int64", false, 1);
  static final FieldSchema SPICE =
      new FieldSchema(2, "spice", "enum", false, 1, List.of("MILD", "HOT"));

  static TypeSchema v1() {
    return new TypeSchema("Fixture", 2001, 1, FULL, List.of(ID, PRICE, SPICE));
  }

  static TypeSchema v2(FieldSchema... fields) {
    return new TypeSchema("Fixture", 2001, 2, FULL, List.of(fields));
  }

  @Test
  void unchanged_isFull() {
    assertThat(CompatibilityChecker.compare(v1(), v2(ID, PRICE, SPICE)).mode()).isEqualTo(FULL);
  }

  @Test
  void fieldAppendedAtTheEnd_isFull() {
    var verdict =
        CompatibilityChecker.compare(
            v1(), v2(ID, PRICE, SPICE, FieldSchema.of(3, "allergens", "string", true, 2)));
    assertThat(verdict.mode()).isEqualTo(FULL);
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.field()).isEqualTo("allergens"));
  }

  @Test
  void enumConstantAdded_isBackward() {
    var verdict =
        CompatibilityChecker.compare(
            v1(),
            v2(
                ID,
                PRICE,
                new FieldSchema(2, "spice", "enum", false, 1, List.of("MILD", "HOT", "INFERNO"))));
    assertThat(verdict.mode()).isEqualTo(BACKWARD);
    assertThat(verdict.violations(FULL))
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).contains("INFERNO"));
    assertThat(verdict.violations(BACKWARD)).isEmpty();
    assertThat(verdict.violations(FORWARD)).hasSize(1);
  }

  @Test
  void enumConstantRemoved_isForward() {
    var verdict =
        CompatibilityChecker.compare(
            v1(), v2(ID, PRICE, new FieldSchema(2, "spice", "enum", false, 1, List.of("MILD"))));
    assertThat(verdict.mode()).isEqualTo(FORWARD);
    assertThat(verdict.violations(BACKWARD)).hasSize(1);
  }

  @Test
  void fieldRemoved_isNone() {
    var verdict = CompatibilityChecker.compare(v1(), v2(ID, SPICE));
    assertThat(verdict.mode()).isEqualTo(NONE);
    assertThat(verdict.violations(FULL))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.field()).isEqualTo("price");
              assertThat(f.rule()).contains("removed");
            });
    assertThat(verdict.violations(NONE)).isEmpty();
  }

  @Test
  void fieldRenamed_isNone() {
    var verdict =
        CompatibilityChecker.compare(
            v1(), v2(ID, FieldSchema.of(1, "priceCents", "int64", false, 1), SPICE));
    assertThat(verdict.mode()).isEqualTo(NONE);
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).contains("renamed"));
  }

  @Test
  void fieldRetyped_isNone() {
    var verdict =
        CompatibilityChecker.compare(
            v1(), v2(ID, FieldSchema.of(1, "price", "string", false, 1), SPICE));
    assertThat(verdict.mode()).isEqualTo(NONE);
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).contains("retyped"));
  }

  @Test
  void fieldReindexed_isNone() {
    var verdict =
        CompatibilityChecker.compare(
            v1(), v2(ID, SPICE, FieldSchema.of(3, "price", "int64", false, 1)));
    assertThat(verdict.mode()).isEqualTo(NONE);
    assertThat(verdict.findings())
        .extracting(CompatibilityChecker.Finding::rule)
        .anyMatch(r -> r.contains("reindexed"));
  }

  @Test
  void fieldInsertedBeforeTheLastIndex_isNone() {
    List<FieldSchema> fields = new ArrayList<>(List.of(ID, PRICE));
    fields.add(new FieldSchema(3, "spice", "enum", false, 1, List.of("MILD", "HOT")));
    TypeSchema old = new TypeSchema("Fixture", 2001, 1, FULL, fields);
    var verdict =
        CompatibilityChecker.compare(
            old, v2(ID, PRICE, FieldSchema.of(2, "allergens", "string", true, 2), fields.get(2)));
    assertThat(verdict.mode()).isEqualTo(NONE);
  }

  @Test
  void typeIdChanged_isNone() {
    var verdict =
        CompatibilityChecker.compare(
            v1(), new TypeSchema("Fixture", 2002, 2, FULL, List.of(ID, PRICE, SPICE)));
    assertThat(verdict.mode()).isEqualTo(NONE);
    assertThat(verdict.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.field()).isEqualTo("*"));
  }

  @Test
  void backwardAndForwardTogether_isNone() {
    assertThat(BACKWARD.and(FORWARD)).isEqualTo(NONE);
    assertThat(FULL.and(BACKWARD)).isEqualTo(BACKWARD);
  }
}
