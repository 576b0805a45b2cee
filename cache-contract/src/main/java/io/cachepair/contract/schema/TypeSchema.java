package io.cachepair.contract.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One published version of a cached type: its POF type id, version and fields, plus the
 * compatibility mode computed against the previous version (what users copy into {@code
 * spec.cache.compatibility}).
 *
 * @param type the type's simple name, e.g. {@code Dish}
 * @param typeId the POF user type id
 * @param version the POF implementation version
 * @param compatibility the mode computed against the previous published version
 * @param fields the fields, by index
 */
public record TypeSchema(
    String type,
    int typeId,
    int version,
    CompatibilityMode compatibility,
    List<FieldSchema> fields) {

  public TypeSchema {
    fields = fields.stream().sorted(Comparator.comparingInt(FieldSchema::index)).toList();
  }

  /** The field at a POF index, if any. */
  public Optional<FieldSchema> field(int index) {
    return fields.stream().filter(f -> f.index() == index).findFirst();
  }

  /** The same schema with another computed compatibility. */
  public TypeSchema withCompatibility(CompatibilityMode mode) {
    return new TypeSchema(type, typeId, version, mode, fields);
  }

  /** Whether two schemas describe the same wire format (the computed mode aside). */
  public boolean sameWireFormat(TypeSchema other) {
    return type.equals(other.type)
        && typeId == other.typeId
        && version == other.version
        && fields.equals(other.fields);
  }
}
