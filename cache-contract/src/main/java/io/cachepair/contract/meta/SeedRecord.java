package io.cachepair.contract.meta;

import com.tangosol.io.AbstractEvolvable;
import com.tangosol.io.pof.EvolvablePortableObject;
import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Which menu database seeded the cluster's dishes: a menu whose database has another identity
 * (another database, a fresh volume, a typo in the URL) must not feed or wipe this cluster.
 */
public final class SeedRecord extends AbstractEvolvable implements EvolvablePortableObject {

  /** The key of this record in the meta cache. */
  public static final String KEY = "seeded-by";

  /** POF implementation version of this class. */
  public static final int IMPL_VERSION = 1;

  private String databaseIdentity;
  private long highWater;
  private Instant seededAt;
  private String origin;

  /** For POF deserialization only. */
  public SeedRecord() {}

  /**
   * Creates the record.
   *
   * @param databaseIdentity the identity the menu database recorded for itself
   * @param highWater the highest version the database had allocated when it seeded
   * @param seededAt when it seeded (or was adopted by a cluster seeded before this record existed)
   * @param origin the menu instance that wrote this record
   */
  public SeedRecord(String databaseIdentity, long highWater, Instant seededAt, String origin) {
    this.databaseIdentity = Objects.requireNonNull(databaseIdentity, "databaseIdentity");
    this.highWater = highWater;
    this.seededAt = Objects.requireNonNull(seededAt, "seededAt");
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  public String databaseIdentity() {
    return databaseIdentity;
  }

  public long highWater() {
    return highWater;
  }

  public Instant seededAt() {
    return seededAt;
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
    databaseIdentity = in.readString(0);
    highWater = in.readLong(1);
    seededAt = Instant.ofEpochMilli(in.readLong(2));
    origin = in.readString(3);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeString(0, databaseIdentity);
    out.writeLong(1, highWater);
    out.writeLong(2, seededAt.toEpochMilli());
    out.writeString(3, origin);
  }

  @Override
  public String toString() {
    return "SeedRecord{database " + databaseIdentity + ", high-water " + highWater + "}";
  }
}
