package io.cachepair.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one run measured: figures (with their targets), notes on what could not be measured or
 * how, and the machine; written as {@code latest.json} and rendered as the results table.
 */
public final class Results {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Object> run = new LinkedHashMap<>();

  /** Records a figure without a target. */
  public synchronized void add(String section, String name, double value, String unit) {
    figures.add(new Figure(section, name, value, unit, null, null));
    System.out.printf(Locale.ROOT, "  [%s] %s = %s %s%n", section, name, last().shown(), unit);
  }

  /** Records a figure with the target and whether it meets it. */
  public synchronized void add(
      String section, String name, double value, String unit, String target, boolean meets) {
    figures.add(new Figure(section, name, value, unit, target, meets));
    System.out.printf(
        Locale.ROOT,
        "  [%s] %s = %s %s (target %s: %s)%n",
        section,
        name,
        last().shown(),
        unit,
        target,
        last().verdict());
  }

  /** Records a latency summary as p50/p90/p99/max figures; the target applies to the p99. */
  public void addLatencies(
      String section, String name, Latencies.Summary s, String p99Target, Double p99LimitMs) {
    add(section, name + " samples", s.count(), "");
    add(section, name + " p50", s.p50(), "ms");
    add(section, name + " p90", s.p90(), "ms");
    if (p99Target == null) {
      add(section, name + " p99", s.p99(), "ms");
    } else {
      add(section, name + " p99", s.p99(), "ms", p99Target, s.p99() <= p99LimitMs);
    }
    add(section, name + " max", s.max(), "ms");
  }

  /** Adds a note that goes into the JSON and under the table. */
  public synchronized void note(String note) {
    notes.add(note);
    System.out.println("  note: " + note);
  }

  /** Records a fact about the run (mode, machine, date, command). */
  public synchronized void run(String key, Object value) {
    run.put(key, value);
  }

  /** The figures so far. */
  public synchronized List<Figure> figures() {
    return List.copyOf(figures);
  }

  /** The notes so far. */
  public synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  /** The run facts so far. */
  public synchronized Map<String, Object> runFacts() {
    return new LinkedHashMap<>(run);
  }

  private Figure last() {
    return figures.get(figures.size() - 1);
  }

  /** The whole run as JSON. */
  public synchronized ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.set("run", JSON.valueToTree(run));
    ArrayNode list = root.putArray("figures");
    for (Figure f : figures) {
      ObjectNode n = list.addObject();
      n.put("section", f.section());
      n.put("name", f.name());
      n.put("value", f.value());
      n.put("unit", f.unit());
      if (f.target() != null) {
        n.put("target", f.target());
        n.put("meets", f.meets());
      }
    }
    ArrayNode notesNode = root.putArray("notes");
    notes.forEach(notesNode::add);
    return root;
  }

  /** Writes the JSON to a file, creating its folder. */
  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The figures as a Markdown table (section, figure, value, unit, target, verdict). */
  public synchronized String markdownTable() {
    StringBuilder b = new StringBuilder();
    b.append("| section | figure | value | unit | target | verdict |\n");
    b.append("|---|---|---:|---|---|---|\n");
    for (Figure f : figures) {
      b.append("| ")
          .append(f.section())
          .append(" | ")
          .append(f.name())
          .append(" | ")
          .append(f.shown())
          .append(" | ")
          .append(f.unit())
          .append(" | ")
          .append(f.target() == null ? "" : f.target())
          .append(" | ")
          .append(f.verdict())
          .append(" |\n");
    }
    return b.toString();
  }

  /** The figures as a plain-text table for the console. */
  public synchronized String consoleTable() {
    StringBuilder b = new StringBuilder();
    String format = "%-12s %-58s %14s %-8s %-22s %s%n";
    b.append(
        String.format(Locale.ROOT, format, "section", "figure", "value", "unit", "target", ""));
    for (Figure f : figures) {
      b.append(
          String.format(
              Locale.ROOT,
              format,
              f.section(),
              f.name(),
              f.shown(),
              f.unit(),
              f.target() == null ? "" : f.target(),
              f.verdict()));
    }
    return b.toString();
  }
}
