package io.cachepair.contract.meta;

import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObject;
import com.tangosol.util.InvocableMap;
import java.io.IOException;
import java.time.Instant;

/**
 * Adds one partition-loss event to the {@link PartitionLosses} tally atomically on its owner, so
 * that concurrent reports from several members are all counted. A report of zero lost partitions
 * adds only the dishes a re-seed wrote back to the event recorded before it.
 */
public final class RecordPartitionLoss
    implements InvocableMap.EntryProcessor<String, Object, PartitionLosses>, PortableObject {

  private int lostPartitions;
  private long reseededDishes;
  private Instant at;
  private String reporter;

  /** For POF deserialization only. */
  public RecordPartitionLoss() {}

  /**
   * Creates the report of one loss event.
   *
   * @param lostPartitions how many partitions were lost
   * @param reseededDishes how many dishes the re-seed wrote back
   * @param at when the loss was detected
   * @param reporter the member that took over the lost partitions
   */
  public RecordPartitionLoss(int lostPartitions, long reseededDishes, Instant at, String reporter) {
    this.lostPartitions = lostPartitions;
    this.reseededDishes = reseededDishes;
    this.at = at;
    this.reporter = reporter;
  }

  @Override
  public PartitionLosses process(InvocableMap.Entry<String, Object> entry) {
    PartitionLosses current =
        entry.getValue() instanceof PartitionLosses losses ? losses : new PartitionLosses();
    PartitionLosses updated = current.plus(lostPartitions, reseededDishes, at, reporter);
    entry.setValue(updated);
    return updated;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    lostPartitions = in.readInt(0);
    reseededDishes = in.readLong(1);
    at = Instant.ofEpochMilli(in.readLong(2));
    reporter = in.readString(3);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeInt(0, lostPartitions);
    out.writeLong(1, reseededDishes);
    out.writeLong(2, at.toEpochMilli());
    out.writeString(3, reporter);
  }
}
