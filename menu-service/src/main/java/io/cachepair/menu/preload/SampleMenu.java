package io.cachepair.menu.preload;

import io.cachepair.contract.dish.Dish;
import java.time.Instant;
import java.util.List;

/** The small real menu a cold start seeds: nothing in this database, nothing in the cluster. */
final class SampleMenu {

  private SampleMenu() {}

  static List<Dish> dishes(List<Long> versions, Instant at, String origin) {
    List<Dish.Builder> menu =
        List.of(
            dish(
                "spicy-tuna-roll",
                "Spicy Tuna Roll",
                "Tuna, sriracha mayo, cucumber, sesame",
                "sushi",
                1250),
            dish(
                "salmon-nigiri",
                "Salmon Nigiri",
                "Two pieces of salmon on seasoned rice",
                "sushi",
                650),
            dish(
                "california-roll",
                "California Roll",
                "Crab, avocado, cucumber, tobiko",
                "sushi",
                1050),
            dish(
                "miso-soup",
                "Miso Soup",
                "Dashi, white miso, tofu, wakame, spring onion",
                "soup",
                450),
            dish(
                "tonkotsu-ramen",
                "Tonkotsu Ramen",
                "Pork broth, chashu, egg, nori, noodles",
                "ramen",
                1450),
            dish(
                "chicken-gyoza",
                "Chicken Gyoza",
                "Six pan-fried dumplings with ponzu",
                "starter",
                750),
            dish("edamame", "Edamame", "Steamed soy beans with sea salt", "starter", 450),
            dish("seaweed-salad", "Seaweed Salad", "Wakame, sesame, rice vinegar", "salad", 550),
            dish(
                "matcha-ice-cream",
                "Matcha Ice Cream",
                "Two scoops of green tea ice cream",
                "dessert",
                550));
    List<Dish> dishes = new java.util.ArrayList<>(menu.size());
    for (int i = 0; i < menu.size(); i++) {
      dishes.add(menu.get(i).version(versions.get(i)).updatedAt(at).origin(origin).build());
    }
    return dishes;
  }

  /** How many dishes the sample menu has. */
  static int size() {
    return 9;
  }

  private static Dish.Builder dish(
      String id, String name, String description, String category, long priceCents) {
    return Dish.builder(id)
        .name(name)
        .description(description)
        .category(category)
        .priceCents(priceCents)
        .currency("EUR")
        .available(true);
  }
}
