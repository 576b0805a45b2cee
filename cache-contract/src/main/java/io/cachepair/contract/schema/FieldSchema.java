package io.cachepair.contract.schema;

import java.util.List;

/**
 * One field of a cached type as it travels on the wire.
 *
 * @param index the POF index
 * @param name the field's name (documentation; a rename is still a breaking change)
 * @param type the wire type, e.g. {@code string}, {@code int64}, {@code boolean}, {@code enum}
 * @param nullable whether the field may be absent (null) on the wire
 * @param since the type version that introduced the field
 * @param enumConstants the constants of an {@code enum} field, in declaration order; else empty
 */
public record FieldSchema(
    int index, String name, String type, boolean nullable, int since, List<String> enumConstants) {

  public FieldSchema {
    enumConstants = List.copyOf(enumConstants);
  }

  /** A field that is not an enum. */
  public static FieldSchema of(int index, String name, String type, boolean nullable, int since) {
    return new FieldSchema(index, name, type, nullable, since, List.of());
  }
}
