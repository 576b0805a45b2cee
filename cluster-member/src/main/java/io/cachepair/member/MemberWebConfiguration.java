package io.cachepair.member;

import io.cachepair.member.input.StrictJsonConfiguration;
import io.cachepair.member.problem.ProblemDetailsConfiguration;
import io.cachepair.member.security.ApiSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The HTTP side every service shares, in one import: problem details, strict input and API
 * security. The member's auto-configuration imports it; {@code @WebMvcTest} slices import it too,
 * so a controller is tested under the rules it runs with.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  ProblemDetailsConfiguration.class,
  StrictJsonConfiguration.class,
  ApiSecurityConfiguration.class
})
public class MemberWebConfiguration {}
