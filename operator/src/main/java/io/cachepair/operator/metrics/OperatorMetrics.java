package io.cachepair.operator.metrics;

import io.cachepair.operator.probes.MemberProbe;
import io.cachepair.operator.probes.MemberReading;
import io.cachepair.operator.rollout.words.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/**
 * The operator's own meters next to JOSDK's reconcile metrics: every decision by reason (steps
 * started and completed, waits, blocks) and how long the members take to answer.
 */
public final class OperatorMetrics {

  /** Counter of decisions, tagged {@code reason} and {@code type} (Normal/Warning). */
  public static final String DECISIONS = "cachepair.operator.decisions";

  /** Timer of one round of safety-endpoint reads, tagged {@code outcome}. */
  public static final String MEMBER_PROBE = "cachepair.operator.member.probe";

  private final MeterRegistry registry;

  public OperatorMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Counts a decision. */
  public void decided(Decision decision) {
    Counter.builder(DECISIONS)
        .description("Decisions of the cachepair operator (also recorded as Events)")
        .tag("reason", decision.reason())
        .tag("type", decision.warning() ? "Warning" : "Normal")
        .register(registry)
        .increment();
  }

  /** A member probe that times each round of reads. */
  public MemberProbe timed(MemberProbe probe) {
    return pods -> {
      Timer.Sample sample = Timer.start(registry);
      List<MemberReading> readings = probe.read(pods);
      boolean all = readings.stream().allMatch(MemberReading::answered);
      sample.stop(
          Timer.builder(MEMBER_PROBE)
              .description("Reading /actuator/cachepair from every pod of a pair")
              .tag("outcome", all ? "answered" : "unanswered")
              .register(registry));
      return readings;
    };
  }
}
