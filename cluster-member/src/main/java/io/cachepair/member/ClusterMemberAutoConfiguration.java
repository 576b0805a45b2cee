package io.cachepair.member;

import com.oracle.coherence.spring.boot.autoconfigure.CoherenceAutoConfiguration;
import com.tangosol.net.Coherence;
import io.cachepair.contract.MemberContract;
import io.cachepair.member.cache.DishCaches;
import io.cachepair.member.cache.LocalDishes;
import io.cachepair.member.cache.MemberAdmission;
import io.cachepair.member.contract.ContractAdmission;
import io.cachepair.member.health.DishReplicaHealthIndicator;
import io.cachepair.member.health.SafeJoinLatch;
import io.cachepair.member.info.ClusterInfoConfiguration;
import io.cachepair.member.input.StrictJsonConfiguration;
import io.cachepair.member.loss.PartitionLossReseeder;
import io.cachepair.member.metrics.ReplicaMetrics;
import io.cachepair.member.problem.ProblemDetailsConfiguration;
import io.cachepair.member.security.ApiSecurityConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@Import({
  ClusterInfoConfiguration.class,
  ProblemDetailsConfiguration.class,
  ApiSecurityConfiguration.class,
  StrictJsonConfiguration.class
})
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
  LocalDishes localDishes(DishCaches caches) {
    return new LocalDishes(caches);
  }

  @Bean
  SafeJoinLatch safeJoinLatch(DishCaches caches, ClusterMemberProperties properties) {
    return new SafeJoinLatch(caches, properties.safetyPollInterval());
  }

  @Bean
  DishReplicaHealthIndicator dishReplicaHealthIndicator(
      DishCaches caches, SafeJoinLatch latch, Environment environment) {
    return new DishReplicaHealthIndicator(
        caches, latch, environment.getProperty("coherence.cluster", "cachepair-local"));
  }

  @Bean
  ReplicaMetrics replicaMetrics(DishCaches caches, LocalDishes dishes, MeterRegistry meters) {
    return new ReplicaMetrics(caches, dishes, meters);
  }
}
