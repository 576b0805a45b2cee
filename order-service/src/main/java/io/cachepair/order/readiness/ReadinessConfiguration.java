package io.cachepair.order.readiness;

import io.cachepair.member.health.ReplicaWatch;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the replica staleness header on every API response. */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

  @Bean
  FilterRegistrationBean<ReplicaStalenessHeader> replicaStalenessHeader(ReplicaWatch watch) {
    FilterRegistrationBean<ReplicaStalenessHeader> registration =
        new FilterRegistrationBean<>(new ReplicaStalenessHeader(watch));
    registration.addUrlPatterns("/api/*");
    return registration;
  }
}
