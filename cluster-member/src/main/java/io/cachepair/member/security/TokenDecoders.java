package io.cachepair.member.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the services' {@link JwtDecoder}: RS256 only, expiry and not-before checked, optionally
 * issuer and audience; keys from the identity provider's JWKS with a cache that outlives its
 * outages, or from one PEM public key.
 */
public final class TokenDecoders {

  private TokenDecoders() {}

  /**
   * A decoder on the identity provider's key set. Keys are cached for {@code jwksCacheTtl} and
   * refreshed ahead of expiry; when the provider cannot be reached the last keys stay in use for
   * {@code jwksOutageTolerance}, so tokens signed with a known key keep being accepted.
   *
   * @param jwkSetUri the provider's JWKS URL
   * @param settings cache, outage and timeout settings
   * @return the decoder
   */
  public static JwtDecoder jwkSet(String jwkSetUri, SecurityProperties settings) {
    int timeout = (int) settings.jwksTimeout().toMillis();
    long ttl = settings.jwksCacheTtl().toMillis();
    java.net.URL url;
    try {
      url = URI.create(jwkSetUri).toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalStateException("jwk-set-uri is not a URL: " + jwkSetUri, e);
    }
    JWKSource<SecurityContext> keys =
        JWKSourceBuilder.create(url, new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
            // the refresh must fit in the TTL, and start ahead of its end
            .cache(ttl, Math.min(timeout, ttl / 2))
            .refreshAheadCache(Math.min(30_000, ttl / 2), false)
            .outageTolerant(settings.jwksOutageTolerance().toMillis())
            .rateLimited(false)
            .build();
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    // Spring's validators check the claims below; Nimbus' own claim check is replaced by them.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(validator(settings));
    return decoder;
  }

  /**
   * A decoder on one RSA public key (the launcher's development key).
   *
   * @param pem an X.509 {@code PUBLIC KEY} PEM resource
   * @param settings issuer and audience
   * @return the decoder
   */
  public static JwtDecoder publicKey(Resource pem, SecurityProperties settings) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey(readPublicKey(pem))
            .signatureAlgorithm(
                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(validator(settings));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(SecurityProperties settings) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator());
    validators.add(
        new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null)); // expiry required
    validators.add(
        new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
    if (!settings.issuer().isEmpty()) {
      validators.add(new JwtIssuerValidator(settings.issuer()));
    }
    if (!settings.audience().isEmpty()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD,
              aud -> aud != null && Set.copyOf(aud).contains(settings.audience())));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  private static RSAPublicKey readPublicKey(Resource pem) {
    try (InputStream in = pem.getInputStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String base64 =
          text.replace("-----BEGIN PUBLIC KEY-----", "")
              .replace("-----END PUBLIC KEY-----", "")
              .replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException | java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("could not read the RSA public key at " + pem, e);
    }
  }
}
