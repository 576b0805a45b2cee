package io.cachepair.contract.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tangosol.io.AbstractEvolvable;
import com.tangosol.io.pof.EvolvablePortableObject;
import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObjectSerializer;
import com.tangosol.io.pof.SimplePofContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build gate over fixture types serialized by real POF: a first version is published, a
 * compatible second version passes, a breaking one fails naming type, field and rule, and a wire
 * change without a version bump fails.
 */
class ContractPublicationTest {

  @TempDir Path contract;

  /** Version 1 of the fixture: id and price. */
  public static class FixtureV1 extends AbstractEvolvable implements EvolvablePortableObject {
    @Override
    public int getImplVersion() {
      return 1;
    }

    @Override
    public void readExternal(PofReader in) {}

    @Override
    public void writeExternal(PofWriter out) throws IOException {
      out.writeString(0, "ramen");
      out.writeLong(1, 990);
    }
  }

  /** Version 2 that appends a field: compatible both ways. */
  public static class FixtureV2Appended extends FixtureV1 {
    @Override
    public int getImplVersion() {
      return 2;
    }

    @Override
    public void writeExternal(PofWriter out) throws IOException {
      super.writeExternal(out);
      out.writeString(2, "gluten");
    }
  }

  /** Version 2 that writes the price as a string: breaks everything. */
  public static class FixtureV2Retyped extends FixtureV1 {
    @Override
    public int getImplVersion() {
      return 2;
    }

    @Override
    public void writeExternal(PofWriter out) throws IOException {
      out.writeString(0, "ramen");
      out.writeString(1, "9.90");
    }
  }

  /** Version 1 again, but writing one more field than published. */
  public static class FixtureV1Drifted extends FixtureV1 {
    @Override
    public void writeExternal(PofWriter out) throws IOException {
      super.writeExternal(out);
      out.writeBoolean(2, true);
    }
  }

  static SimplePofContext pof(Class<? extends EvolvablePortableObject> type) {
    SimplePofContext pof = new SimplePofContext();
    pof.registerUserType(2001, type, new PortableObjectSerializer(2001));
    return pof;
  }

  static CachedType fixture(
      Class<? extends EvolvablePortableObject> type,
      CompatibilityMode declared,
      FieldSchema... fields) {
    return new CachedType(
        "Fixture",
        type,
        declared,
        () -> {
          try {
            return type.getDeclaredConstructor().newInstance();
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        },
        List.of(fields));
  }

  static final FieldSchema ID = FieldSchema.of(0, "id", "string", false, 1);
  static final FieldSchema PRICE = FieldSchema.of(1, "price", "int64", false, 1);

  private void publishV1() {
    var outcome =
        ContractPublication.check(
            fixture(FixtureV1.class, CompatibilityMode.FULL, ID, PRICE),
            pof(FixtureV1.class),
            contract,
            ContractPublication.Mode.PUBLISH);
    assertThat(outcome.written()).contains(contract.resolve("Fixture-v1.properties"));
  }

  @Test
  void firstVersion_isPublished_andThenVerifiedUnchanged() throws IOException {
    publishV1();
    assertThat(Files.readString(contract.resolve("Fixture-v1.properties")))
        .contains("typeId=2001")
        .contains("field.1=price,int64,required,since=1");
    var again =
        ContractPublication.check(
            fixture(FixtureV1.class, CompatibilityMode.FULL, ID, PRICE),
            pof(FixtureV1.class),
            contract,
            ContractPublication.Mode.PUBLISH);
    assertThat(again.written()).isEmpty();
  }

  @Test
  void appendedField_passesAsFull_andRecordsTheComputedMode() throws IOException {
    publishV1();
    var outcome =
        ContractPublication.check(
            fixture(
                FixtureV2Appended.class,
                CompatibilityMode.FULL,
                ID,
                PRICE,
                FieldSchema.of(2, "allergens", "string", true, 2)),
            pof(FixtureV2Appended.class),
            contract,
            ContractPublication.Mode.PUBLISH);
    assertThat(outcome.schema().compatibility()).isEqualTo(CompatibilityMode.FULL);
    assertThat(Files.readString(contract.resolve("Fixture-v2.properties")))
        .contains("compatibility=FULL");
  }

  @Test
  void retypedField_failsTheDeclaredMode_namingTypeFieldAndRule() {
    publishV1();
    assertThatThrownBy(
            () ->
                ContractPublication.check(
                    fixture(
                        FixtureV2Retyped.class,
                        CompatibilityMode.BACKWARD,
                        ID,
                        FieldSchema.of(1, "price", "string", false, 1)),
                    pof(FixtureV2Retyped.class),
                    contract,
                    ContractPublication.Mode.PUBLISH))
        .isInstanceOf(ContractPublication.ContractViolationException.class)
        .hasMessageContaining("Fixture v2")
        .hasMessageContaining("BACKWARD")
        .hasMessageContaining("field price")
        .hasMessageContaining("retyped from int64 to string");
    assertThat(contract.resolve("Fixture-v2.properties")).doesNotExist();
  }

  @Test
  void breakingChangeDeclaredNone_passesAndIsRecordedAsNone() {
    publishV1();
    var outcome =
        ContractPublication.check(
            fixture(
                FixtureV2Retyped.class,
                CompatibilityMode.NONE,
                ID,
                FieldSchema.of(1, "price", "string", false, 1)),
            pof(FixtureV2Retyped.class),
            contract,
            ContractPublication.Mode.PUBLISH);
    assertThat(outcome.schema().compatibility()).isEqualTo(CompatibilityMode.NONE);
  }

  @Test
  void wireChangeWithoutVersionBump_fails() {
    publishV1();
    assertThatThrownBy(
            () ->
                ContractPublication.check(
                    fixture(
                        FixtureV1Drifted.class,
                        CompatibilityMode.FULL,
                        ID,
                        PRICE,
                        FieldSchema.of(2, "spicy", "boolean", false, 1)),
                    pof(FixtureV1Drifted.class),
                    contract,
                    ContractPublication.Mode.PUBLISH))
        .isInstanceOf(ContractPublication.ContractViolationException.class)
        .hasMessageContaining("changed but its version (1) did not");
  }

  @Test
  void declarationThatDisagreesWithTheSerializer_isRejected() {
    assertThatThrownBy(
            () ->
                ContractPublication.check(
                    fixture(FixtureV1Drifted.class, CompatibilityMode.FULL, ID, PRICE),
                    pof(FixtureV1Drifted.class),
                    contract,
                    ContractPublication.Mode.PUBLISH))
        .hasMessageContaining("writes a boolean at index 2 that no field declares");
    assertThatThrownBy(
            () ->
                ContractPublication.check(
                    fixture(
                        FixtureV1.class,
                        CompatibilityMode.FULL,
                        ID,
                        FieldSchema.of(1, "price", "string", false, 1)),
                    pof(FixtureV1.class),
                    contract,
                    ContractPublication.Mode.PUBLISH))
        .hasMessageContaining("declared string but the serializer writes int64");
  }

  @Test
  void verifying_aMissingDescriptor_failsNamingTheUpdateCommand_andWritesNothing() {
    assertThatThrownBy(
            () ->
                ContractPublication.check(
                    fixture(FixtureV1.class, CompatibilityMode.FULL, ID, PRICE),
                    pof(FixtureV1.class),
                    contract,
                    ContractPublication.Mode.VERIFY))
        .isInstanceOf(ContractPublication.ContractViolationException.class)
        .hasMessageContaining("Fixture v1 has no published descriptor")
        .hasMessageContaining(ContractPublication.UPDATE_COMMAND);
    assertThat(contract.resolve("Fixture-v1.properties")).doesNotExist();
  }

  @Test
  void verifying_aHandEditedDescriptor_failsNamingTheUpdateCommand() throws IOException {
    publishV1();
    Path file = contract.resolve("Fixture-v1.properties");
    Files.writeString(
        file, Files.readString(file).replace("compatibility=FULL", "compatibility=NONE"));
    assertThatThrownBy(
            () ->
                ContractPublication.check(
                    fixture(FixtureV1.class, CompatibilityMode.FULL, ID, PRICE),
                    pof(FixtureV1.class),
                    contract,
                    ContractPublication.Mode.VERIFY))
        .hasMessageContaining("Fixture v1 differs from its published descriptor")
        .hasMessageContaining(ContractPublication.UPDATE_COMMAND);
  }
}
