package io.cachepair.contract.dish;

import com.tangosol.io.pof.PofContext;
import com.tangosol.io.pof.reflect.PofValue;
import com.tangosol.io.pof.reflect.PofValueParser;
import com.tangosol.util.Binary;
import com.tangosol.util.BinaryEntry;
import com.tangosol.util.InvocableMap;

/**
 * Reads what a cache entry holds without deserializing the whole dish: on a storage member only the
 * three revision fields (and the tombstone flag) are parsed out of the stored POF binary.
 */
final class StoredRevision {

  private StoredRevision() {}

  /** Returns the revision stored in the entry, or {@code null} when the entry is absent. */
  static DishRevision of(InvocableMap.Entry<String, Dish> entry) {
    if (entry instanceof BinaryEntry<String, Dish> binaryEntry) {
      Binary value = binaryEntry.getBinaryValue();
      if (value == null) {
        return null;
      }
      PofValue pof = PofValueParser.parse(value, (PofContext) binaryEntry.getSerializer());
      return new DishRevision(
          pof.getChild(Dish.VERSION).getLong(),
          pof.getChild(Dish.UPDATED_AT).getLong(),
          pof.getChild(Dish.ORIGIN).getString());
    }
    return entry.isPresent() ? entry.getValue().revision() : null;
  }

  /** Tells whether a stored dish (binary or object form) is a tombstone. */
  static boolean isTombstone(Object entryOrValue) {
    if (entryOrValue instanceof BinaryEntry<?, ?> binaryEntry) {
      Binary value = binaryEntry.getBinaryValue();
      return value != null
          && PofValueParser.parse(value, (PofContext) binaryEntry.getSerializer())
              .getChild(Dish.DELETED)
              .getBoolean();
    }
    if (entryOrValue instanceof java.util.Map.Entry<?, ?> entry) {
      return isTombstone(entry.getValue());
    }
    return entryOrValue instanceof Dish dish && dish.deleted();
  }
}
