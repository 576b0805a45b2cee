package io.cachepair.contract.meta;

import com.tangosol.io.AbstractEvolvable;
import com.tangosol.io.pof.EvolvablePortableObject;
import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * A cluster-wide pause of menu writes, held as a lease: while old and new menus that cannot read
 * each other's writes coexist (a BACKWARD or FORWARD rollout step), no menu writes a dish. The
 * operator renews it while the step runs and removes it after; an expired pause is ignored, so a
 * crashed operator never freezes the menu.
 */
public final class WritePause extends AbstractEvolvable implements EvolvablePortableObject {

  /** The key of this record in the meta cache. */
  public static final String KEY = "write-pause";

  /** POF implementation version of this class. */
  public static final int IMPL_VERSION = 1;

  private String reason;
  private String requestedBy;
  private Instant until;

  /** For POF deserialization only. */
  public WritePause() {}

  /**
   * Creates the pause.
   *
   * @param reason why writes are paused, as menus report it
   * @param requestedBy who asked (the operator, a person)
   * @param until when the lease ends unless renewed
   */
  public WritePause(String reason, String requestedBy, Instant until) {
    this.reason = Objects.requireNonNull(reason, "reason");
    this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy");
    this.until = Objects.requireNonNull(until, "until");
  }

  public String reason() {
    return reason;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant until() {
    return until;
  }

  /**
   * Whether the pause holds at a moment.
   *
   * @param now the moment
   * @return {@code true} until the lease ends
   */
  public boolean holdsAt(Instant now) {
    return now.isBefore(until);
  }

  @Override
  public int getImplVersion() {
    return IMPL_VERSION;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    reason = in.readString(0);
    requestedBy = in.readString(1);
    until = Instant.ofEpochMilli(in.readLong(2));
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeString(0, reason);
    out.writeString(1, requestedBy);
    out.writeLong(2, until.toEpochMilli());
  }

  @Override
  public String toString() {
    return "WritePause{" + reason + " by " + requestedBy + " until " + until + "}";
  }
}
