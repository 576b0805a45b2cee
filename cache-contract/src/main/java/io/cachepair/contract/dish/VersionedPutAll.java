package io.cachepair.contract.dish;

import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObject;
import com.tangosol.util.InvocableMap;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The batch form of {@link VersionedPut}: one call writes many dishes, each only if it is newer
 * than what the cache holds. Used by preload, reconcile and partition re-seeding.
 *
 * <p>Invoke it with {@code invokeAll(dishes.keySet(), new VersionedPutAll(dishes))}.
 */
public final class VersionedPutAll
    implements InvocableMap.EntryProcessor<String, Dish, Boolean>, PortableObject {

  private Map<String, Dish> dishes;

  /** For POF deserialization only. */
  public VersionedPutAll() {}

  /**
   * Creates the processor for a batch.
   *
   * @param dishes the dishes or tombstones to write, by id
   */
  public VersionedPutAll(Map<String, Dish> dishes) {
    this.dishes = Map.copyOf(Objects.requireNonNull(dishes, "dishes"));
  }

  @Override
  public Boolean process(InvocableMap.Entry<String, Dish> entry) {
    Dish dish = dishes.get(entry.getKey());
    return dish == null ? Boolean.FALSE : VersionedPut.apply(entry, dish);
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    dishes = in.readMap(0, new HashMap<>());
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeMap(0, dishes, String.class, Dish.class);
  }
}
