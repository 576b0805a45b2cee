package io.cachepair.systemtest.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a recorded history of menu writes, order lines and replica observations against the
 * promises of the system of record, in the spirit of Jepsen's checkers: each check counts its
 * violations and keeps a few examples.
 *
 * <ul>
 *   <li>(a) unique versions: every acknowledged {@code (dish, version)} names one content, which is
 *       the one the database's history holds;
 *   <li>(b) convergence: the database and every member's view end in the same state;
 *   <li>(c) monotonic reads: no observer of a replica saw a dish's version go down;
 *   <li>(d) deletes stay deleted: a delete that no other write overlapped or followed is the final
 *       state everywhere;
 *   <li>(e) orders name real revisions: every order line's version and price are a committed
 *       revision;
 *   <li>(f) no lost writes: a write that no other write overlapped or followed is the final state.
 * </ul>
 *
 * @param writes every write the clients sent, acknowledged or not
 * @param observations what the observers read from the order replicas
 * @param lines the lines of every acknowledged order
 * @param revisions the database's revision history, when the shape under test keeps one
 * @param digests each member's (and the database's) digest of live (id, version) pairs at the end
 * @param finalStates per member (and the database), each hot dish's final version, absent = deleted
 */
public record HistoryChecks(
    List<MenuWrite> writes,
    List<Observation> observations,
    List<OrderedLine> lines,
    Optional<List<Revision>> revisions,
    Map<String, String> digests,
    Map<String, Map<String, Long>> finalStates) {

  private static final int EXAMPLES = 5;

  /** The outcome of one check. */
  public record Outcome(String name, long checked, List<String> violations) {

    /** How many violations there were. */
    public int count() {
      return violations.size();
    }

    @Override
    public String toString() {
      return String.format(
          "%-34s checked=%-6d violations=%d%s",
          name,
          checked,
          violations.size(),
          violations.isEmpty()
              ? ""
              : " e.g. " + violations.subList(0, Math.min(EXAMPLES, violations.size())));
    }
  }

  /** Runs every check. */
  public List<Outcome> run() {
    return List.of(
        uniqueVersions(),
        convergence(),
        monotonicReads(),
        deletesStayDeleted(),
        ordersNameRealRevisions(),
        noLostWrites());
  }

  /** (a) One content per acknowledged (dish, version), and it is the committed revision. */
  Outcome uniqueVersions() {
    Map<String, Set<Long>> contents = new TreeMap<>();
    long checked = 0;
    for (MenuWrite w : writes) {
      if (w.acknowledged() && w.writesContent() && w.version() >= 0) {
        contents
            .computeIfAbsent(w.dishId() + "@v" + w.version(), k -> new HashSet<>())
            .add(w.priceCents());
        checked++;
      }
    }
    List<String> violations = new ArrayList<>();
    contents.forEach(
        (key, prices) -> {
          if (prices.size() > 1) {
            violations.add(key + " acknowledged with prices " + new TreeMap<>(counted(prices)));
          }
        });
    revisions.ifPresent(
        history -> {
          Map<String, List<Revision>> byKey =
              history.stream().collect(Collectors.groupingBy(r -> r.dishId() + "@v" + r.version()));
          byKey.forEach(
              (key, rs) -> {
                if (rs.size() > 1) {
                  violations.add(key + " stored " + rs.size() + " times in dish_revision");
                }
              });
          Map<Long, Set<String>> dishesPerVersion = new HashMap<>();
          history.forEach(
              r ->
                  dishesPerVersion
                      .computeIfAbsent(r.version(), v -> new HashSet<>())
                      .add(r.dishId()));
          dishesPerVersion.forEach(
              (version, dishes) -> {
                if (dishes.size() > 1) {
                  violations.add("version " + version + " used by dishes " + dishes);
                }
              });
          contents.forEach(
              (key, prices) -> {
                List<Revision> stored = byKey.get(key);
                if (stored == null) {
                  violations.add(key + " acknowledged but not in dish_revision");
                } else if (prices.size() == 1
                    && stored.get(0).priceCents() != prices.iterator().next()) {
                  violations.add(
                      key
                          + " acknowledged at "
                          + prices.iterator().next()
                          + " but dish_revision holds "
                          + stored.get(0).priceCents());
                }
              });
        });
    return new Outcome("(a) one content per version", checked, violations);
  }

  private static Map<Long, Integer> counted(Set<Long> prices) {
    Map<Long, Integer> m = new LinkedHashMap<>();
    prices.forEach(p -> m.put(p, 1));
    return m;
  }

  /** (b) Every member and the database end with the same digest. */
  Outcome convergence() {
    Set<String> distinct = new HashSet<>(digests.values());
    List<String> violations = new ArrayList<>();
    if (distinct.size() != 1) {
      violations.add("digests differ: " + new TreeMap<>(digests));
    }
    finalStates.values().stream()
        .distinct()
        .skip(1)
        .findFirst()
        .ifPresent(other -> violations.add("hot dishes differ: " + new TreeMap<>(finalStates)));
    return new Outcome("(b) database and views converge", digests.size(), violations);
  }

  /** (c) Per replica and dish, the versions read never go down. */
  Outcome monotonicReads() {
    Map<String, Long> highest = new HashMap<>();
    List<String> violations = new ArrayList<>();
    List<Observation> inOrder = new ArrayList<>(observations);
    inOrder.sort(Comparator.comparingLong(Observation::atNanos));
    for (Observation o : inOrder) {
      if (o.version() < 0) {
        continue;
      }
      String key = o.replica() + "/" + o.dishId();
      Long seen = highest.get(key);
      if (seen != null && o.version() < seen) {
        violations.add(key + " served v" + o.version() + " after v" + seen);
      } else {
        highest.put(key, o.version());
      }
    }
    return new Outcome("(c) no version goes backwards", observations.size(), violations);
  }

  /** (d) The last delete of a dish, when nothing overlapped or followed it, is final everywhere. */
  Outcome deletesStayDeleted() {
    List<String> violations = new ArrayList<>();
    long checked = 0;
    for (String dish : dishes()) {
      Optional<MenuWrite> last = unrivalledLast(dish);
      if (last.isEmpty() || last.get().kind() != MenuWrite.Kind.DELETE) {
        continue;
      }
      checked++;
      finalStates.forEach(
          (member, state) -> {
            Long version = state.get(dish);
            if (version != null) {
              violations.add(dish + " deleted last, but " + member + " holds v" + version);
            }
          });
    }
    return new Outcome("(d) acknowledged deletes stay deleted", checked, violations);
  }

  /** (e) Every order line was priced from a committed revision. */
  Outcome ordersNameRealRevisions() {
    List<String> violations = new ArrayList<>();
    Map<String, Set<Long>> committed = new HashMap<>();
    if (revisions.isPresent()) {
      revisions
          .get()
          .forEach(
              r ->
                  committed
                      .computeIfAbsent(r.dishId() + "@v" + r.version(), k -> new HashSet<>())
                      .add(r.priceCents()));
    } else {
      writes.stream()
          .filter(w -> w.acknowledged() && w.writesContent())
          .forEach(
              w ->
                  committed
                      .computeIfAbsent(w.dishId() + "@v" + w.version(), k -> new HashSet<>())
                      .add(w.priceCents()));
    }
    for (OrderedLine line : lines) {
      String key = line.dishId() + "@v" + line.dishVersion();
      Set<Long> prices = committed.get(key);
      if (prices == null || !prices.contains(line.unitPriceCents()) || prices.size() > 1) {
        violations.add(
            "order "
                + line.orderId()
                + " on "
                + line.replica()
                + " priced "
                + key
                + " at "
                + line.unitPriceCents()
                + (prices == null ? ", a revision never committed" : ", committed " + prices));
      }
    }
    return new Outcome("(e) order lines match dish_revision", lines.size(), violations);
  }

  /** (f) The last content write of a dish, when nothing overlapped or followed it, is final. */
  Outcome noLostWrites() {
    List<String> violations = new ArrayList<>();
    long checked = 0;
    for (String dish : dishes()) {
      Optional<MenuWrite> last = unrivalledLast(dish);
      if (last.isEmpty() || !last.get().writesContent() || last.get().version() < 0) {
        continue;
      }
      checked++;
      long version = last.get().version();
      finalStates.forEach(
          (member, state) -> {
            Long held = state.get(dish);
            if (held == null || held != version) {
              violations.add(
                  dish
                      + " last acknowledged at v"
                      + version
                      + ", but "
                      + member
                      + " holds "
                      + (held == null ? "nothing" : "v" + held));
            }
          });
    }
    return new Outcome("(f) no acknowledged write lost", checked, violations);
  }

  private Set<String> dishes() {
    return writes.stream().map(MenuWrite::dishId).collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * The acknowledged write of a dish that every other write that may have taken effect
   * (acknowledged or without an answer) finished before: the one whose outcome the final state must
   * show.
   */
  private Optional<MenuWrite> unrivalledLast(String dish) {
    List<MenuWrite> mayHaveApplied =
        writes.stream()
            .filter(w -> w.dishId().equals(dish))
            .filter(w -> w.acknowledged() || w.status() < 0 || w.status() >= 500)
            .toList();
    return mayHaveApplied.stream()
        .filter(MenuWrite::acknowledged)
        .filter(
            candidate ->
                mayHaveApplied.stream()
                    .allMatch(other -> other == candidate || other.precedes(candidate)))
        .findFirst();
  }
}
