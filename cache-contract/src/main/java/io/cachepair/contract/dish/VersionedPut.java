package io.cachepair.contract.dish;

import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObject;
import com.tangosol.util.InvocableMap;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes a dish (or its tombstone) only if it is newer than what the cache holds, atomically on the
 * partition owner, so that concurrent and replayed writes from any number of menus converge.
 *
 * <p>Returns {@code true} when the write was applied, {@code false} when the cache already held the
 * same or a newer revision.
 */
public final class VersionedPut
    implements InvocableMap.EntryProcessor<String, Dish, Boolean>, PortableObject {

  private Dish dish;

  /** For POF deserialization only. */
  public VersionedPut() {}

  /**
   * Creates the processor for one write.
   *
   * @param dish the dish or tombstone to write; its id must be the entry's key
   */
  public VersionedPut(Dish dish) {
    this.dish = Objects.requireNonNull(dish, "dish");
  }

  @Override
  public Boolean process(InvocableMap.Entry<String, Dish> entry) {
    return apply(entry, dish);
  }

  /** Applies one versioned write to one entry; shared with {@link VersionedPutAll}. */
  static Boolean apply(InvocableMap.Entry<String, Dish> entry, Dish dish) {
    if (!dish.id().equals(entry.getKey())) {
      throw new IllegalArgumentException(
          "dish " + dish.id() + " cannot be written under key " + entry.getKey());
    }
    if (dish.revision().isNewerThan(StoredRevision.of(entry))) {
      entry.setValue(dish, false);
      return Boolean.TRUE;
    }
    return Boolean.FALSE;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    dish = in.readObject(0);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeObject(0, dish);
  }
}
