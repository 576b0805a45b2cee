package io.cachepair.bench.memory;

import io.cachepair.bench.report.Results;
import io.cachepair.testsupport.process.ServiceProcess;
import java.util.List;

/**
 * Turns heap readings into the memory figures: bytes per cached dish per member (live heap
 * with the dishes minus the same kind of member's live heap without them) and the cluster's total.
 */
public final class MemoryFigures {

  private MemoryFigures() {}

  /**
   * Measures every member and records per-dish and total figures.
   *
   * @param label e.g. {@code 2 order replicas}
   * @param members the menu first, then the order replicas
   * @param menuBaseline the menu's live heap before the dishes
   * @param orderBaseline an order replica's live heap before the dishes
   * @param dishes dishes in every view
   * @param results where the figures go
   */
  public static void record(
      String label,
      List<ServiceProcess> members,
      long menuBaseline,
      long orderBaseline,
      long dishes,
      Results results) {
    long total = 0;
    double worst = 0;
    for (int i = 0; i < members.size(); i++) {
      ServiceProcess m = members.get(i);
      long delta = HeapProbe.liveHeapBytes(m) - (i == 0 ? menuBaseline : orderBaseline);
      double perDish = (double) delta / dishes;
      worst = Math.max(worst, perDish);
      total += delta;
      results.add("memory", label + ": " + m.name() + " heap per dish", perDish, "B");
    }
    results.add(
        "memory",
        label + ": worst member heap per dish",
        worst,
        "B",
        "<= 750 B (stretch)",
        worst <= 750);
    results.add("memory", label + ": cluster heap for " + dishes + " dishes", total / 1e6, "MB");
  }
}
