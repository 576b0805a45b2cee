package io.cachepair.member.info;

import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.health.SafeJoinLatch;
import io.cachepair.member.loss.PartitionLossReseeder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@code /api/cluster}. */
@Configuration(proxyBeanMethods = false)
public class ClusterInfoConfiguration {

  @Bean
  ClusterController clusterController(
      DishCaches caches,
      LocalDishes localDishes,
      SafeJoinLatch latch,
      PartitionLossReseeder reseeder) {
    return new ClusterController(caches, localDishes, latch, reseeder);
  }
}
