package io.cachepair.contract.schema;

import com.tangosol.io.pof.EvolvablePortableObject;
import java.util.List;
import java.util.function.Supplier;

/**
 * The declaration of a cached type's contract: its fields as its owner means them (names,
 * nullability, since which version), the compatibility mode its owner promises for the current
 * version, and a fully populated sample that the build serializes to check the declaration against
 * what actually goes on the wire.
 *
 * @param name the type's contract name, e.g. {@code Dish}
 * @param type the Java class
 * @param declared the compatibility promised between the previous and the current version
 * @param sample makes an instance with every field set
 * @param fields the declared fields
 */
public record CachedType(
    String name,
    Class<? extends EvolvablePortableObject> type,
    CompatibilityMode declared,
    Supplier<? extends EvolvablePortableObject> sample,
    List<FieldSchema> fields) {

  public CachedType {
    fields = List.copyOf(fields);
  }
}
