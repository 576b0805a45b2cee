package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import java.util.List;

/**
 * Published after a transaction committed dish changes and their outbox entries, so the publisher
 * can push them to the cluster right away instead of waiting for its next retry pass.
 *
 * @param dishes the committed dishes or tombstones
 */
public record DishesWritten(List<Dish> dishes) {}
