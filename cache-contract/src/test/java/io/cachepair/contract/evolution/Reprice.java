package io.cachepair.contract.evolution;

import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.io.pof.PortableObject;
import com.tangosol.util.InvocableMap;
import io.cachepair.contract.dish.Dish;
import java.io.IOException;

/**
 * Test processor: changes a dish's price on the member that owns it, the way any read-modify-write
 * code of an older member would, to prove such code keeps what it does not know.
 */
public class Reprice implements InvocableMap.EntryProcessor<String, Dish, String>, PortableObject {

  private long priceCents;

  public Reprice() {}

  public Reprice(long priceCents) {
    this.priceCents = priceCents;
  }

  @Override
  public String process(InvocableMap.Entry<String, Dish> entry) {
    Dish dish = entry.getValue();
    entry.setValue(dish.toBuilder().priceCents(priceCents).version(dish.version() + 1).build());
    // not Dish.IMPL_VERSION: a constant would be inlined from the v1 class at compile time
    return "repriced on a member with Dish v" + new Dish().getImplVersion();
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    priceCents = in.readLong(0);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeLong(0, priceCents);
  }
}
