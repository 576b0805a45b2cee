package io.cachepair.contract.meta;

import com.tangosol.io.AbstractEvolvable;
import com.tangosol.io.pof.EvolvablePortableObject;
import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * The marker a menu writes when it finished loading the dishes into the cluster: consumers treat
 * the dishes as usable only once they have seen it.
 */
public final class DishesLoaded extends AbstractEvolvable implements EvolvablePortableObject {

  /** The key of this record in the meta cache. */
  public static final String KEY = "dishes-loaded";

  /** POF implementation version of this class. */
  public static final int IMPL_VERSION = 1;

  private Instant loadedAt;
  private long count;
  private int contractVersion;
  private String origin;

  /** For POF deserialization only. */
  public DishesLoaded() {}

  /**
   * Creates the marker.
   *
   * @param loadedAt when the load finished
   * @param count how many dishes (tombstones excluded) the cluster held then
   * @param contractVersion the contract version of the menu that loaded them
   * @param origin the menu instance that loaded them
   */
  public DishesLoaded(Instant loadedAt, long count, int contractVersion, String origin) {
    this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    this.count = count;
    this.contractVersion = contractVersion;
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  public long count() {
    return count;
  }

  public int contractVersion() {
    return contractVersion;
  }

  public String origin() {
    return origin;
  }

  @Override
  public int getImplVersion() {
    return IMPL_VERSION;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    loadedAt = Instant.ofEpochMilli(in.readLong(0));
    count = in.readLong(1);
    contractVersion = in.readInt(2);
    origin = in.readString(3);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeLong(0, loadedAt.toEpochMilli());
    out.writeLong(1, count);
    out.writeInt(2, contractVersion);
    out.writeString(3, origin);
  }

  @Override
  public String toString() {
    return "DishesLoaded{" + count + " dishes at " + loadedAt + " by " + origin + "}";
  }
}
