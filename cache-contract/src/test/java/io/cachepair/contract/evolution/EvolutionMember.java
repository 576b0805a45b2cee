package io.cachepair.contract.evolution;

import com.tangosol.net.CacheFactory;
import com.tangosol.net.Coherence;
import com.tangosol.net.DistributedCacheService;
import com.tangosol.net.NamedCache;
import io.cachepair.contract.CacheNames;
import io.cachepair.contract.dish.Dish;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Test fixture: a storage-enabled member of the contract's dish service in a JVM of its own, driven
 * line by line on standard input. Started once with the real {@code Dish} (v1) and once with the v2
 * fixture first on the classpath.
 */
public final class EvolutionMember {

  /** What a member of a given Dish version can do; v1 knows no spice level. */
  public interface Version {
    int version();

    Dish withSpice(Dish dish, int spiceLevel);

    Integer spiceOf(Dish dish);
  }

  static final class V1 implements Version {
    @Override
    public int version() {
      return Dish.IMPL_VERSION;
    }

    @Override
    public Dish withSpice(Dish dish, int spiceLevel) {
      return dish;
    }

    @Override
    public Integer spiceOf(Dish dish) {
      return null;
    }
  }

  private EvolutionMember() {}

  public static void main(String[] args) throws Exception {
    Version version;
    try {
      version =
          (Version)
              Class.forName("io.cachepair.contract.evolution.V2Dishes")
                  .getDeclaredConstructor()
                  .newInstance();
    } catch (ClassNotFoundException e) {
      version = new V1();
    }
    Coherence coherence = Coherence.clusterMember().start().join();
    NamedCache<String, Dish> dishes = coherence.getSession().getCache(CacheNames.DISHES);
    DistributedCacheService service =
        (DistributedCacheService) CacheFactory.getCluster().getService(CacheNames.DISH_SERVICE);
    NamedCache<String, Dish> partitioned =
        service.ensureCache(CacheNames.DISHES, Dish.class.getClassLoader());
    System.out.println(
        "READY v"
            + version.version()
            + " member "
            + CacheFactory.getCluster().getLocalMember().getId());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] w = line.trim().split(" ");
      try {
        String answer =
            switch (w[0]) {
              case "status" ->
                  service.getOwnershipEnabledMembers().size()
                      + " "
                      + service.getBackupStrengthName().replace('-', '_');
              case "owned-key" -> ownedKey(service, w[1]);
              case "write" -> {
                Dish dish =
                    Dish.builder(w[1])
                        .name("Dish " + w[1])
                        .priceCents(Long.parseLong(w[2]))
                        .currency("EUR")
                        .version(1)
                        .updatedAt(Instant.now())
                        .origin("v" + version.version())
                        .build();
                partitioned.put(w[1], version.withSpice(dish, Integer.parseInt(w[3])));
                yield "written by v" + version.version();
              }
              case "reprice" -> partitioned.invoke(w[1], new Reprice(Long.parseLong(w[2])));
              case "get" -> {
                Dish dish = partitioned.get(w[1]);
                yield "price="
                    + dish.priceCents()
                    + " spice="
                    + version.spiceOf(dish)
                    + " version="
                    + dish.version();
              }
              case "view-size" -> String.valueOf(dishes.size());
              case "quit" -> {
                coherence.close();
                System.out.println("OK bye");
                System.exit(0);
                yield "bye";
              }
              default -> throw new IllegalArgumentException("unknown command " + w[0]);
            };
        System.out.println("OK " + answer);
      } catch (RuntimeException e) {
        System.out.println("ERR " + e);
      }
    }
  }

  private static String ownedKey(DistributedCacheService service, String prefix) {
    var local = CacheFactory.getCluster().getLocalMember();
    for (int i = 0; i < 10_000; i++) {
      String key = prefix + "-" + i;
      if (local.equals(service.getKeyOwner(key))) {
        return key;
      }
    }
    throw new IllegalStateException("this member owns no key " + prefix + "-*");
  }
}
