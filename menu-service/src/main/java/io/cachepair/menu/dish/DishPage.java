package io.cachepair.menu.dish;

import java.util.List;

/**
 * One page of dishes, ordered by id.
 *
 * @param dishes the dishes of this page
 * @param page the zero-based page number
 * @param size the requested page size
 * @param totalDishes how many dishes exist in all
 * @param totalPages how many pages of this size there are
 */
public record DishPage(
    List<DishResponse> dishes, int page, int size, long totalDishes, long totalPages) {}
