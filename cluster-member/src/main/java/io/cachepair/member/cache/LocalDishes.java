package io.cachepair.member.cache;

import io.cachepair.contract.dish.Dish;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of this member's local replica of the dishes: plain memory reads of the view, never a call
 * to another member. This is what the order path uses to validate and price a dish.
 */
public class LocalDishes {

  private final DishCaches caches;
  // Read on every order line: one volatile read instead of DishCaches' Optionals.
  private volatile Map<String, Dish> view;

  /**
   * Creates the reader.
   *
   * @param caches the caches, which may still be opening
   */
  public LocalDishes(DishCaches caches) {
    this.caches = caches;
    caches.whenOpen().thenAccept(opened -> view = opened.view());
  }

  /** Whether the local view is synchronized and can answer. */
  public boolean isAvailable() {
    return view != null;
  }

  /**
   * Looks a dish up in the local view.
   *
   * @param id the dish id
   * @return the dish, or empty when it does not exist (or was deleted)
   * @throws ReplicaUnavailableException when the local view is not synchronized yet, or cannot be
   *     read now
   */
  public Optional<Dish> find(String id) {
    Map<String, Dish> view = view();
    try {
      return Optional.ofNullable(view.get(id));
    } catch (RuntimeException e) {
      throw new ReplicaUnavailableException(e);
    }
  }

  /**
   * How many dishes the local view holds (tombstones are never in it).
   *
   * @throws ReplicaUnavailableException when the view cannot be read now
   */
  public int count() {
    Map<String, Dish> open = view;
    try {
      return open == null ? 0 : open.size();
    } catch (RuntimeException e) {
      throw new ReplicaUnavailableException(e);
    }
  }

  /**
   * Returns one page of dishes ordered by id.
   *
   * @param page the zero-based page number
   * @param size the page size
   * @return the page's dishes
   */
  public List<Dish> page(int page, int size) {
    try {
      return pageOf(view(), page, size);
    } catch (ReplicaUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ReplicaUnavailableException(e);
    }
  }

  private static List<Dish> pageOf(Map<String, Dish> view, int page, int size) {
    List<String> ids = new ArrayList<>(view.keySet());
    ids.sort(null);
    int from = (int) Math.min((long) page * size, ids.size());
    int to = Math.min(from + size, ids.size());
    List<Dish> dishes = new ArrayList<>(to - from);
    for (String id : ids.subList(from, to)) {
      Dish dish = view.get(id);
      if (dish != null) {
        dishes.add(dish);
      }
    }
    return dishes;
  }

  /** Every dish in the local view, as a snapshot. */
  public Collection<Dish> all() {
    Map<String, Dish> view = view();
    try {
      return new ArrayList<>(view.values());
    } catch (RuntimeException e) {
      throw new ReplicaUnavailableException(e);
    }
  }

  /**
   * A digest of the (id, version) pairs of the local view, independent of order, so that replicas
   * can be compared from outside the cluster.
   *
   * @return the digest as 16 hex digits
   */
  public String digest() {
    return digestOf(all());
  }

  /**
   * Computes the digest of a set of dishes as {@link #digest()} does.
   *
   * @param dishes the dishes
   * @return the digest as 16 hex digits
   */
  public static String digestOf(Collection<Dish> dishes) {
    long sum = 0;
    for (Dish dish : dishes) {
      sum += mix(dish.id(), dish.version());
    }
    return String.format("%016x", sum);
  }

  private static long mix(String id, long version) {
    // FNV-1a over the id bytes and the version, then a final avalanche step.
    long h = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001b3L;
    }
    h = (h ^ version) * 0x100000001b3L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  private Map<String, Dish> view() {
    Map<String, Dish> open = view;
    if (open == null) {
      throw new ReplicaUnavailableException(caches.state());
    }
    return open;
  }
}
