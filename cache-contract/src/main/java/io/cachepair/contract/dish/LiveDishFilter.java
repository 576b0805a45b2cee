package io.cachepair.contract.dish;

import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObject;
import com.tangosol.util.filter.EntryFilter;
import java.util.Map;

/**
 * Keeps tombstones out of every member's view: readers see only dishes that exist, while the
 * partitioned cache keeps the tombstones that stop deleted dishes from coming back.
 *
 * <p>On storage members it reads only the tombstone flag from the stored binary.
 */
public final class LiveDishFilter implements EntryFilter<String, Dish>, PortableObject {

  /** Public for POF and for the cache configuration's class-scheme. */
  public LiveDishFilter() {}

  @Override
  public boolean evaluateEntry(Map.Entry<? extends String, ? extends Dish> entry) {
    return !StoredRevision.isTombstone(entry);
  }

  @Override
  public boolean evaluate(Dish dish) {
    return dish != null && !dish.deleted();
  }

  @Override
  public void readExternal(PofReader in) {}

  @Override
  public void writeExternal(PofWriter out) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof LiveDishFilter;
  }

  @Override
  public int hashCode() {
    return LiveDishFilter.class.hashCode();
  }
}
