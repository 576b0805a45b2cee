package io.cachepair.order.menuview;

import io.cachepair.member.cache.LocalDishes;
import io.cachepair.order.ordering.DishesNotLoadedProblem;
import io.cachepair.order.readiness.CompleteReplica;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves {@code /api/menu} from the local replica; 503 (with a reason) while the replica is not
 * complete — never a partial menu, never a 404 for a dish a partial replica merely lacks, never a
 * call to menu-service.
 */
@RestController
@RequestMapping("/api/menu")
class MenuController {

  private final LocalDishes dishes;
  private final CompleteReplica replica;

  MenuController(LocalDishes dishes, CompleteReplica replica) {
    this.dishes = dishes;
    this.replica = replica;
  }

  private void requireComplete() {
    replica
        .incompleteReason()
        .ifPresent(
            reason -> {
              throw new DishesNotLoadedProblem(
                  reason, replica.clusterName(), replica.replicaState().name());
            });
  }

  @GetMapping
  MenuPage page(
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
    requireComplete();
    var content = dishes.page(page, size).stream().map(MenuDish::of).toList();
    return new MenuPage(page, size, dishes.count(), content);
  }

  @GetMapping("/{id}")
  ResponseEntity<MenuDish> dish(@PathVariable String id) {
    requireComplete();
    MenuDish dish =
        dishes.find(id).map(MenuDish::of).orElseThrow(() -> new DishNotOnMenuProblem(id));
    return ResponseEntity.ok().eTag("\"" + dish.version() + "\"").body(dish);
  }
}
