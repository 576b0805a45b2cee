package io.cachepair.member.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the problem-details advice and the {@code /error} controller. */
@Configuration(proxyBeanMethods = false)
public class ProblemDetailsConfiguration {

  @Bean
  ProblemDetailsAdvice problemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  @Bean
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }
}
