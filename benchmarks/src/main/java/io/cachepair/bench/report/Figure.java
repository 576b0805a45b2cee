package io.cachepair.bench.report;

/**
 * One measured number, so that the console table, the JSON and the docs table all say the same.
 *
 * @param section the benchmark it belongs to, e.g. {@code propagation}
 * @param name what was measured, e.g. {@code cache put -> view listener p99}
 * @param value the number
 * @param unit its unit, e.g. {@code ms}
 * @param target the target for it, or null
 * @param meets whether the value meets the target, or null when there is none
 */
public record Figure(
    String section, String name, double value, String unit, String target, Boolean meets) {

  /** The value rounded for people: 3 significant digits below 100, integers above. */
  public String shown() {
    double abs = Math.abs(value);
    if (abs >= 100 || value == Math.rint(value)) {
      return String.format(java.util.Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  /** The verdict column: met, not met, or blank. */
  public String verdict() {
    if (meets == null) {
      return "";
    }
    return meets ? "met" : "not met";
  }
}
