package io.cachepair.contract;

/** The names under which the pair's caches and services are known cluster-wide. */
public final class CacheNames {

  /** The dishes: a view (local replica) on every member over a partitioned cache. */
  public static final String DISHES = "dishes";

  /** Small records about the dishes cache as a whole (preload marker, partition losses). */
  public static final String META = "cachepair-meta";

  /** The partitioned service that owns {@link #DISHES} and {@link #META}. */
  public static final String DISH_SERVICE = "DishService";

  /** The cache configuration file, on the classpath of every member. */
  public static final String CACHE_CONFIG = "cachepair-cache-config.xml";

  /** The POF configuration file that registers the contract's types. */
  public static final String POF_CONFIG = "cachepair-pof-config.xml";

  private CacheNames() {}
}
