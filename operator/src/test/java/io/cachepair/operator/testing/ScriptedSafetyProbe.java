package io.cachepair.operator.testing;

import io.cachepair.operator.api.v1alpha1.CachedServicePair;
import io.cachepair.operator.probes.PairSafetyProbe;
import io.cachepair.operator.probes.SafetyVerdict;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A safety probe whose answer the test sets, counting how often the operator asked. */
public final class ScriptedSafetyProbe implements PairSafetyProbe {

  private volatile String statusHA = "NODE_SAFE";
  private final AtomicInteger checks = new AtomicInteger();

  /** Members report this StatusHA from now on ({@code null}: no dish service). */
  public void report(String statusHA) {
    this.statusHA = statusHA;
  }

  public int checks() {
    return checks.get();
  }

  @Override
  public SafetyVerdict check(CachedServicePair pair) {
    checks.incrementAndGet();
    return SafetyVerdict.fromStatusHA(statusHA, Set.of(1), "scripted");
  }
}
