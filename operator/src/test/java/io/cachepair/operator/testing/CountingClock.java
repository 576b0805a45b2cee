package io.cachepair.operator.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** The system clock, counting reads: the reconciler reads it once per pass. */
public final class CountingClock extends Clock {

  private final AtomicInteger reads = new AtomicInteger();

  public int reads() {
    return reads.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    reads.incrementAndGet();
    return Instant.now();
  }
}
