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
 * the dishes as usable only while it is there.
 *
 * <p>It lives in the cluster's own meta cache, so it is gone when the dish service's data is gone
 * (a member cut off into an island of its own, a restarted dish service): a replica is ready only
 * on a cache that is complete now. Version 2 adds the {@code epoch} of the load (a new one each
 * time an empty cluster is seeded) and {@code repairing}, set while lost partitions are being
 * refilled, so that no new replica becomes ready on a partial cache.
 */
public final class DishesLoaded extends AbstractEvolvable implements EvolvablePortableObject {

  /** The key of this record in the meta cache. */
  public static final String KEY = "dishes-loaded";

  /** POF implementation version of this class. */
  public static final int IMPL_VERSION = 2;

  private Instant loadedAt;
  private long count;
  private int contractVersion;
  private String origin;
  private long epoch;
  private boolean repairing;

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
    this(loadedAt, count, contractVersion, origin, 0, false);
  }

  /**
   * Creates the marker.
   *
   * @param loadedAt when the load finished
   * @param count how many dishes (tombstones excluded) the cluster held then
   * @param contractVersion the contract version of the menu that loaded them
   * @param origin the menu instance that loaded them
   * @param epoch which load of an empty cluster this is (0 when unknown)
   * @param repairing whether lost partitions are being refilled right now
   */
  public DishesLoaded(
      Instant loadedAt,
      long count,
      int contractVersion,
      String origin,
      long epoch,
      boolean repairing) {
    this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    this.count = count;
    this.contractVersion = contractVersion;
    this.origin = Objects.requireNonNull(origin, "origin");
    this.epoch = epoch;
    this.repairing = repairing;
  }

  /**
   * The same marker with the repair flag set or cleared.
   *
   * @param repairingNow whether lost partitions are being refilled
   * @return a copy
   */
  public DishesLoaded withRepairing(boolean repairingNow) {
    DishesLoaded copy =
        new DishesLoaded(loadedAt, count, contractVersion, origin, epoch, repairingNow);
    copy.setDataVersion(getDataVersion());
    copy.setFutureData(getFutureData());
    return copy;
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

  public long epoch() {
    return epoch;
  }

  public boolean repairing() {
    return repairing;
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
    epoch = in.readLong(4);
    repairing = in.readBoolean(5);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeLong(0, loadedAt.toEpochMilli());
    out.writeLong(1, count);
    out.writeInt(2, contractVersion);
    out.writeString(3, origin);
    out.writeLong(4, epoch);
    out.writeBoolean(5, repairing);
  }

  @Override
  public String toString() {
    return "DishesLoaded{"
        + count
        + " dishes at "
        + loadedAt
        + " by "
        + origin
        + ", epoch "
        + epoch
        + (repairing ? ", repairing" : "")
        + "}";
  }
}
