package io.cachepair.contract.dish;

import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObject;
import com.tangosol.util.InvocableMap;
import java.io.IOException;
import java.util.Objects;

/**
 * Removes an entry only if it still holds exactly the revision given: how a purged tombstone leaves
 * the cache without taking a newer write of the same id with it.
 *
 * <p>Returns {@code true} when the entry was removed.
 */
public final class RemoveIfRevision
    implements InvocableMap.EntryProcessor<String, Dish, Boolean>, PortableObject {

  private long version;
  private long updatedAt;
  private String origin;

  /** For POF deserialization only. */
  public RemoveIfRevision() {}

  /**
   * Creates the removal.
   *
   * @param revision the revision the entry must hold to be removed
   */
  public RemoveIfRevision(DishRevision revision) {
    Objects.requireNonNull(revision, "revision");
    this.version = revision.version();
    this.updatedAt = revision.updatedAtMillis();
    this.origin = revision.origin();
  }

  @Override
  public Boolean process(InvocableMap.Entry<String, Dish> entry) {
    DishRevision held = StoredRevision.of(entry);
    if (held == null
        || held.version() != version
        || held.updatedAtMillis() != updatedAt
        || !Objects.equals(held.origin(), origin)) {
      return Boolean.FALSE;
    }
    entry.remove(false);
    return Boolean.TRUE;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    version = in.readLong(0);
    updatedAt = in.readLong(1);
    origin = in.readString(2);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeLong(0, version);
    out.writeLong(1, updatedAt);
    out.writeString(2, origin);
  }
}
