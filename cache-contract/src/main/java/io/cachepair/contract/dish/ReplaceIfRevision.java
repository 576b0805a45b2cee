package io.cachepair.contract.dish;

import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObject;
import com.tangosol.util.InvocableMap;
import java.io.IOException;
import java.util.Objects;

/**
 * Repairs one entry the menu database never wrote: replaces it with the database's dish only if the
 * entry still holds exactly the revision the repairer observed (compare-and-set), whatever its
 * version — a foreign entry may carry a version no honest write can beat.
 *
 * <p>Returns {@code true} when the entry was replaced, {@code false} when it changed meanwhile.
 */
public final class ReplaceIfRevision
    implements InvocableMap.EntryProcessor<String, Dish, Boolean>, PortableObject {

  private long expectedVersion;
  private long expectedUpdatedAt;
  private String expectedOrigin;
  private Dish replacement;

  /** For POF deserialization only. */
  public ReplaceIfRevision() {}

  /**
   * Creates the repair.
   *
   * @param observed the revision the entry held when the repairer read it
   * @param replacement the database's dish (or tombstone) for that id
   */
  public ReplaceIfRevision(DishRevision observed, Dish replacement) {
    Objects.requireNonNull(observed, "observed");
    this.expectedVersion = observed.version();
    this.expectedUpdatedAt = observed.updatedAtMillis();
    this.expectedOrigin = observed.origin();
    this.replacement = Objects.requireNonNull(replacement, "replacement");
  }

  @Override
  public Boolean process(InvocableMap.Entry<String, Dish> entry) {
    if (!replacement.id().equals(entry.getKey())) {
      throw new IllegalArgumentException(
          "dish " + replacement.id() + " cannot repair key " + entry.getKey());
    }
    DishRevision held = StoredRevision.of(entry);
    if (held == null
        || held.version() != expectedVersion
        || held.updatedAtMillis() != expectedUpdatedAt
        || !Objects.equals(held.origin(), expectedOrigin)) {
      return Boolean.FALSE;
    }
    entry.setValue(replacement, false);
    return Boolean.TRUE;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    expectedVersion = in.readLong(0);
    expectedUpdatedAt = in.readLong(1);
    expectedOrigin = in.readString(2);
    replacement = in.readObject(3);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeLong(0, expectedVersion);
    out.writeLong(1, expectedUpdatedAt);
    out.writeString(2, expectedOrigin);
    out.writeObject(3, replacement);
  }
}
