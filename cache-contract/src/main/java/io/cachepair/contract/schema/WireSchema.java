package io.cachepair.contract.schema;

import com.tangosol.io.pof.PofConstants;
import com.tangosol.io.pof.PofContext;
import com.tangosol.io.pof.reflect.PofValue;
import com.tangosol.io.pof.reflect.PofValueParser;
import com.tangosol.util.Binary;
import com.tangosol.util.ExternalizableHelper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives a type's schema from what its serializer writes: the sample is serialized with the real
 * POF context and parsed back with Coherence's POF parser, and the declaration must match the
 * indexes and wire types found there. Hand-written POF can drift from the Java fields; this cannot.
 */
public final class WireSchema {

  private static final int SCAN_BEYOND = 32;

  /** POF writes -1..22 as a one-byte value of no declared width; samples should avoid them. */
  private static final String COMPACT_INT = "compact-int";

  private WireSchema() {}

  /**
   * Builds the current schema of a type.
   *
   * @param declaration the type's declaration
   * @param pof the POF context the members use
   * @param computed the compatibility computed against the previous version
   * @return the schema
   * @throws IllegalStateException when the declaration and the wire disagree
   */
  public static TypeSchema of(CachedType declaration, PofContext pof, CompatibilityMode computed) {
    var sample = declaration.sample().get();
    Binary binary = ExternalizableHelper.toBinary(sample, pof);
    PofValue root = PofValueParser.parse(binary, pof);
    int typeId = pof.getUserTypeIdentifier(declaration.type());
    Map<Integer, String> wire = new TreeMap<>();
    int maxDeclared = declaration.fields().stream().mapToInt(FieldSchema::index).max().orElse(0);
    for (int index = 0; index <= maxDeclared + SCAN_BEYOND; index++) {
      PofValue child = root.getChild(index);
      if (child != null && child.getValue() != null) {
        wire.put(index, wireType(child.getTypeId()));
      }
    }
    List<String> problems = new ArrayList<>();
    for (FieldSchema field : declaration.fields()) {
      String found = wire.remove(field.index());
      String expected = "enum".equals(field.type()) ? "string" : field.type();
      if (found == null) {
        problems.add(
            "field "
                + field.name()
                + " (index "
                + field.index()
                + ") is declared but the sample writes nothing there: set it in the sample");
      } else if (!found.equals(expected)
          && !(COMPACT_INT.equals(found) && expected.startsWith("int"))) {
        problems.add(
            "field "
                + field.name()
                + " (index "
                + field.index()
                + ") is declared "
                + field.type()
                + " but the serializer writes "
                + found);
      }
    }
    wire.forEach(
        (index, type) ->
            problems.add(
                "the serializer writes a "
                    + type
                    + " at index "
                    + index
                    + " that no field declares"));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          declaration.name() + " contract declaration does not match its wire format: " + problems);
    }
    return new TypeSchema(
        declaration.name(), typeId, sample.getImplVersion(), computed, declaration.fields());
  }

  private static String wireType(int typeId) {
    return switch (typeId) {
      case PofConstants.T_CHAR_STRING, PofConstants.V_STRING_ZERO_LENGTH -> "string";
      case PofConstants.T_INT64 -> "int64";
      case PofConstants.T_INT32 -> "int32";
      case PofConstants.T_INT16 -> "int16";
      case PofConstants.T_BOOLEAN, PofConstants.V_BOOLEAN_TRUE, PofConstants.V_BOOLEAN_FALSE ->
          "boolean";
      case PofConstants.T_FLOAT64 -> "float64";
      case PofConstants.T_DATETIME -> "datetime";
      case PofConstants.T_UNIFORM_MAP, PofConstants.T_MAP -> "map";
      case PofConstants.T_UNIFORM_COLLECTION, PofConstants.T_COLLECTION -> "collection";
      default ->
          typeId <= PofConstants.V_INT_NEG_1 && typeId >= PofConstants.V_INT_22
              ? COMPACT_INT
              : typeId >= 0 ? "user-type-" + typeId : "pof" + typeId;
    };
  }
}
