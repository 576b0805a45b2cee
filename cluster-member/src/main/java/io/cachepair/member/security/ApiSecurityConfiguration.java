package io.cachepair.member.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what, on both ports, with bearer tokens (JWT) checked against the identity
 * provider's keys:
 *
 * <ul>
 *   <li>API: reading the menu is open; every dish write needs scope {@code menu:write}; orders need
 *       a token (the subject is the customer); everything else needs a token;
 *   <li>management: health (probes) and Prometheus are open, details of health only with {@code
 *       cluster:read}; {@code writepause} needs {@code cluster:admin}; every other actuator
 *       endpoint (the {@code cachepair} safety endpoint, metrics) needs {@code cluster:read}.
 * </ul>
 *
 * <p>401 and 403 are problem+json. No sessions, no CSRF (no cookies are ever read), no caches of
 * requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({SecurityProperties.class, OAuth2ResourceServerProperties.class})
public class ApiSecurityConfiguration {

  @Bean
  SecurityFilterChain cachepairSecurity(HttpSecurity http, ObjectMapper json) throws Exception {
    ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(json);
    http.authorizeHttpRequests(
            rules ->
                rules
                    // management port
                    .requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
                    .permitAll()
                    .requestMatchers(EndpointRequest.to("writepause"))
                    .hasAuthority(Scopes.authority(Scopes.CLUSTER_ADMIN))
                    .requestMatchers(EndpointRequest.toAnyEndpoint())
                    .hasAuthority(Scopes.authority(Scopes.CLUSTER_READ))
                    // API port
                    .requestMatchers(HttpMethod.GET, "/api/dishes", "/api/dishes/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/menu", "/api/menu/**")
                    .permitAll()
                    .requestMatchers("/api/dishes", "/api/dishes/**")
                    .hasAuthority(Scopes.authority(Scopes.MENU_WRITE))
                    .requestMatchers("/api/orders", "/api/orders/**")
                    .authenticated()
                    .requestMatchers(
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> {})
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable());
    return http.build();
  }

  /**
   * The token decoder: the identity provider's JWKS ({@code jwk-set-uri}) in production, else one
   * public key ({@code public-key-location}); without either the service does not start.
   */
  @Bean
  JwtDecoder jwtDecoder(
      OAuth2ResourceServerProperties resourceServer, SecurityProperties settings) {
    OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
    if (jwt.getJwkSetUri() != null && !jwt.getJwkSetUri().isBlank()) {
      return TokenDecoders.jwkSet(jwt.getJwkSetUri(), settings);
    }
    if (jwt.getPublicKeyLocation() != null) {
      return TokenDecoders.publicKey(jwt.getPublicKeyLocation(), settings);
    }
    throw new IllegalStateException(
        "no token keys configured: set spring.security.oauth2.resourceserver.jwt.jwk-set-uri"
            + " (env SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI, the identity provider's"
            + " JWKS) or ...jwt.public-key-location (a PEM public key, e.g. the launcher's"
            + " run/dev-jwt.pub)");
  }
}
