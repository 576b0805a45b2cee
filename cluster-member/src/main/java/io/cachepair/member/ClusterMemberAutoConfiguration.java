package io.cachepair.member;

import com.oracle.coherence.spring.boot.autoconfigure.CoherenceAutoConfiguration;
import com.tangosol.net.Coherence;
import io.cachepair.contract.MemberContract;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.cache.MemberAdmission;
import io.cachepair.member.cache.StorageQuorum;
import io.cachepair.member.contract.ContractAdmission;
import io.cachepair.member.health.DishReplicaHealthIndicator;
import io.cachepair.member.health.ReplicaWatch;
import io.cachepair.member.health.SafeJoinLatch;
import io.cachepair.member.health.StuckWatch;
import io.cachepair.member.info.ClusterInfoConfiguration;
import io.cachepair.member.loss.PartitionLossReseeder;
import io.cachepair.member.metrics.ReplicaMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Wires a service into the pair's cluster: the caches opened off the startup path (only on a TLS
 * cluster, see {@link ClusterTls}), the safe-join latch and readiness, partition-loss re-seeding,
 * metrics, the {@code cachepair} actuator endpoint, problem details, API security and strict input.
 */
@AutoConfiguration(
    after = CoherenceAutoConfiguration.class,
    before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@EnableConfigurationProperties(ClusterMemberProperties.class)
@Import({ClusterInfoConfiguration.class, MemberWebConfiguration.class})
public class ClusterMemberAutoConfiguration {

  @Bean
  DishCaches dishCaches(
      Coherence coherence, ObjectProvider<MemberAdmission> admissions, Environment environment) {
    ClusterTls.require(environment);
    return new DishCaches(
        coherence,
        admissions.orderedStream().toList(),
        // A refused member must not linger half-started: it exits 3, the reason logged; Spring's
        // shutdown hook closes the context and Coherence leaves. (Not SpringApplication.exit on
        // this daemon thread: the JVM would end with 0 once the context's threads are gone.)
        refusal -> System.exit(3));
  }

  @Bean
  ContractAdmission contractAdmission(Environment environment) {
    return new ContractAdmission(
        MemberContract.current(),
        environment.getProperty("cachepair.cache.schema-version", Integer.class));
  }

  @Bean
  PartitionLossReseeder partitionLossReseeder(
      DishCaches caches, ClusterMemberProperties properties, MeterRegistry meters) {
    return new PartitionLossReseeder(caches, properties.reseedBatchSize(), meters);
  }

  @Bean
  StorageQuorum storageQuorum(DishCaches caches, Environment environment) {
    return new StorageQuorum(
        caches, environment.getProperty("cachepair.cache.quorum", Integer.class, 1));
  }

  @Bean
  LocalDishes localDishes(DishCaches caches) {
    return new LocalDishes(caches);
  }

  @Bean
  SafeJoinLatch safeJoinLatch(DishCaches caches, ClusterMemberProperties properties) {
    return new SafeJoinLatch(caches, properties.safetyPollInterval());
  }

  @Bean
  ReplicaWatch replicaWatch(DishCaches caches, ClusterMemberProperties properties) {
    return new ReplicaWatch(caches, properties.safetyPollInterval(), Clock.systemUTC());
  }

  @Bean
  StuckWatch stuckWatch(
      DishCaches caches,
      SafeJoinLatch latch,
      ClusterMemberProperties properties,
      ApplicationEventPublisher events) {
    return new StuckWatch(
        caches, latch, properties.stuckExitAfter(), events, System::exit, Clock.systemUTC());
  }

  @Bean
  DishReplicaHealthIndicator dishReplicaHealthIndicator(
      DishCaches caches,
      SafeJoinLatch latch,
      ReplicaWatch watch,
      StuckWatch stuck,
      Environment environment) {
    return new DishReplicaHealthIndicator(
        caches,
        latch,
        watch,
        stuck,
        environment.getProperty("coherence.cluster", "cachepair-local"));
  }

  @Bean
  ReplicaMetrics replicaMetrics(
      DishCaches caches, LocalDishes dishes, ReplicaWatch watch, MeterRegistry meters) {
    return new ReplicaMetrics(caches, dishes, watch, meters);
  }
}
