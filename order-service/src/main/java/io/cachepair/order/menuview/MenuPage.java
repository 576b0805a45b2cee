package io.cachepair.order.menuview;

import java.util.List;

/** One page of the local menu, ordered by dish id, with the total so clients can page on. */
record MenuPage(int page, int size, int total, List<MenuDish> dishes) {}
