package io.cachepair.contract.meta;

import com.tangosol.io.AbstractEvolvable;
import com.tangosol.io.pof.EvolvablePortableObject;
import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import java.io.IOException;
import java.time.Instant;

/**
 * The cluster-wide tally of partition losses of the dish service and of the re-seeds that repaired
 * them: every member sees it, and menus re-publish from their database when it changes.
 */
public final class PartitionLosses extends AbstractEvolvable implements EvolvablePortableObject {

  /** The key of this record in the meta cache. */
  public static final String KEY = "partition-losses";

  /** POF implementation version of this class. */
  public static final int IMPL_VERSION = 1;

  private long events;
  private long partitions;
  private long reseededDishes;
  private Instant lastAt;
  private String lastReporter;

  /** For POF deserialization only; also the empty tally. */
  public PartitionLosses() {}

  PartitionLosses(
      long events, long partitions, long reseededDishes, Instant lastAt, String lastReporter) {
    this.events = events;
    this.partitions = partitions;
    this.reseededDishes = reseededDishes;
    this.lastAt = lastAt;
    this.lastReporter = lastReporter;
  }

  /** A tally with every field set, for the contract's wire-format check. */
  public static PartitionLosses sample() {
    return new PartitionLosses(
        3_001, 7_001, 42_000, Instant.parse("2026-12-01T10:00:00Z"), "member-2");
  }

  /** Returns the tally with one more loss event added. */
  PartitionLosses plus(int lostPartitions, long reseeded, Instant at, String reporter) {
    if (lostPartitions == 0) {
      // the re-seed of an event recorded before it: only the count of dishes written back grows
      return new PartitionLosses(
          events, partitions, reseededDishes + reseeded, lastAt, lastReporter);
    }
    return new PartitionLosses(
        events + 1, partitions + lostPartitions, reseededDishes + reseeded, at, reporter);
  }

  /** How many partition-loss events were reported. */
  public long events() {
    return events;
  }

  /** How many partitions were lost in all. */
  public long partitions() {
    return partitions;
  }

  /** How many dishes the re-seeds wrote back in all. */
  public long reseededDishes() {
    return reseededDishes;
  }

  /** When the last loss was reported, or {@code null} if none was. */
  public Instant lastAt() {
    return lastAt;
  }

  /** The member that reported the last loss, or {@code null} if none did. */
  public String lastReporter() {
    return lastReporter;
  }

  @Override
  public int getImplVersion() {
    return IMPL_VERSION;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    events = in.readLong(0);
    partitions = in.readLong(1);
    reseededDishes = in.readLong(2);
    long at = in.readLong(3);
    lastAt = at == 0 ? null : Instant.ofEpochMilli(at);
    lastReporter = in.readString(4);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeLong(0, events);
    out.writeLong(1, partitions);
    out.writeLong(2, reseededDishes);
    out.writeLong(3, lastAt == null ? 0 : lastAt.toEpochMilli());
    out.writeString(4, lastReporter);
  }
}
