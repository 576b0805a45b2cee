package io.cachepair.contract;

import io.cachepair.contract.dish.Dish;

/**
 * The version of the cache contract a member was built with, announced when it joins.
 *
 * <p>The contract version is the POF implementation version of {@link Dish}: it changes exactly
 * when the wire format changes.
 */
public final class ContractVersion {

  /** The contract version this build speaks. */
  public static final int CURRENT = Dish.IMPL_VERSION;

  /** The oldest contract version whose data this build can still read. */
  public static final int OLDEST_READABLE = 1;

  private ContractVersion() {}
}
