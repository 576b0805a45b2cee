package io.cachepair.member.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are checked ({@code cachepair.security.*}, env {@code CACHEPAIR_SECURITY_*}); the key
 * source itself is Spring's {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (the
 * identity provider's keys, production) or {@code ...jwt.public-key-location} (one PEM public key,
 * the launcher's development key).
 *
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
 * @param jwksOutageTolerance how long the last fetched keys keep being used while the identity
 *     provider cannot be reached, so orders keep flowing through its outage
 * @param jwksTimeout connect and read timeout of one key fetch
 * @param issuer the {@code iss} every token must carry; empty for any
 * @param audience the {@code aud} every token must contain; empty for any
 */
@ConfigurationProperties("cachepair.security")
public record SecurityProperties(
    Duration jwksCacheTtl,
    Duration jwksOutageTolerance,
    Duration jwksTimeout,
    String issuer,
    String audience) {

  public SecurityProperties {
    jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
    jwksOutageTolerance = jwksOutageTolerance == null ? Duration.ofHours(12) : jwksOutageTolerance;
    jwksTimeout = jwksTimeout == null ? Duration.ofSeconds(2) : jwksTimeout;
    issuer = issuer == null ? "" : issuer.trim();
    audience = audience == null ? "" : audience.trim();
  }
}
