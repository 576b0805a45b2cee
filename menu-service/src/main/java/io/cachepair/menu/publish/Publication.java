package io.cachepair.menu.publish;

import io.cachepair.contract.dish.Dish;
import io.cachepair.menu.record.DishRevisions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Publishes database rows to the cluster and says which are settled: applied, or refused because
 * the cluster holds the same or a newer revision the database also holds. A refusal for any other
 * reason is never counted as published: foreign entries are repaired, the rest retried.
 */
@Component
public class Publication {

  /**
   * What a publish achieved.
   *
   * @param settled rows the cluster now holds (or a newer committed revision of): mark them
   *     published
   * @param unresolved rows to retry later
   * @param repaired how many foreign entries were replaced on the way
   */
  public record Result(List<Dish> settled, List<Dish> unresolved, int repaired) {}

  private final ClusterDishWriter writer;
  private final DishRevisions revisions;
  private final ClusterRepair repair;

  Publication(ClusterDishWriter writer, DishRevisions revisions, ClusterRepair repair) {
    this.writer = writer;
    this.revisions = revisions;
    this.repair = repair;
  }

  /**
   * Publishes rows of the menu database.
   *
   * @param rows the rows, at most one per id
   * @return what was settled
   */
  public Result publish(Collection<Dish> rows) {
    Map<String, Boolean> applied = writer.write(rows);
    List<Dish> settled = new ArrayList<>(rows.size());
    List<Dish> refused = new ArrayList<>();
    for (Dish row : rows) {
      if (Boolean.TRUE.equals(applied.get(row.id()))) {
        settled.add(row);
      } else {
        refused.add(row);
      }
    }
    if (refused.isEmpty()) {
      return new Result(settled, List.of(), 0);
    }
    Map<String, Dish> held = writer.held(refused.stream().map(Dish::id).toList());
    List<Dish> unresolved = new ArrayList<>();
    int repaired = 0;
    for (Dish row : refused) {
      Dish inCluster = held.get(row.id());
      switch (PublishCheck.of(row, inCluster, revisions::committed)) {
        case SETTLED -> settled.add(row);
        case FOREIGN -> {
          var fresh = repair.replace(inCluster);
          if (fresh.isPresent()) {
            settled.add(fresh.get());
            repaired++;
          } else {
            unresolved.add(row);
          }
        }
        case RETRY -> unresolved.add(row);
        default -> throw new IllegalStateException();
      }
    }
    return new Result(settled, unresolved, repaired);
  }
}
