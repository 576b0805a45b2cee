package io.cachepair.member.info;

import io.cachepair.member.ClusterMemberProperties;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.health.ReplicaWatch;
import io.cachepair.member.health.SafeJoinLatch;
import io.cachepair.member.loss.PartitionLossReseeder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@code cachepair} actuator endpoint. */
@Configuration(proxyBeanMethods = false)
public class ClusterInfoConfiguration {

  @Bean
  CachepairEndpoint cachepairEndpoint(
      DishCaches caches,
      LocalDishes localDishes,
      SafeJoinLatch latch,
      PartitionLossReseeder reseeder,
      ReplicaWatch watch,
      ClusterMemberProperties properties) {
    return new CachepairEndpoint(caches, localDishes, latch, reseeder, watch, properties.role());
  }
}
