package io.cachepair.contract.evolution;

import io.cachepair.contract.dish.Dish;

/** Test fixture, v2 classpath only: what only a v2 member can do with a dish. */
public final class V2Dishes implements EvolutionMember.Version {

  @Override
  public int version() {
    return Dish.IMPL_VERSION;
  }

  @Override
  public Dish withSpice(Dish dish, int spiceLevel) {
    return dish.toBuilder().spiceLevel(spiceLevel).build();
  }

  @Override
  public Integer spiceOf(Dish dish) {
    return dish.spiceLevel();
  }
}
