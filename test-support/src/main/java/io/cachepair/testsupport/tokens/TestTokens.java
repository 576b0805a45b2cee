package io.cachepair.testsupport.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Really signed JWTs (RS256) for tests, from an RSA key pair of the test JVM ({@link #shared()}):
 * what the services verify in production, with a subject and space-separated scopes. {@link
 * #foreign()} signs with a key the services do not know.
 */
public final class TestTokens {

  private static final Object LOCK = new Object();
  private static volatile TestTokens shared;

  private final KeyPair keys;
  private final String keyId;

  private TestTokens(KeyPair keys, String keyId) {
    this.keys = keys;
    this.keyId = keyId;
  }

  /** The key pair of this test JVM, whose public key the services are configured with. */
  public static TestTokens shared() {
    TestTokens s = shared;
    if (s == null) {
      synchronized (LOCK) {
        s = shared;
        if (s == null) {
          s = new TestTokens(rsa(), "test-" + UUID.randomUUID().toString().substring(0, 8));
          shared = s;
        }
      }
    }
    return s;
  }

  /** Another key pair with the same key id: tokens it signs must be refused. */
  public static TestTokens foreign() {
    return new TestTokens(rsa(), shared().keyId);
  }

  /**
   * A token valid for ten minutes.
   *
   * @param subject the {@code sub} claim (for orders, the customer)
   * @param scopes scopes, e.g. {@code menu:write}
   * @return the compact JWT
   */
  public String token(String subject, String... scopes) {
    return token(subject, Instant.now().plus(Duration.ofMinutes(10)), scopes);
  }

  /**
   * A token that expires at a given time (in the past for an expired one).
   *
   * @param subject the {@code sub} claim
   * @param expiresAt the {@code exp} claim
   * @param scopes its scopes
   * @return the compact JWT
   */
  public String token(String subject, Instant expiresAt, String... scopes) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject);
    claims.put("scope", String.join(" ", scopes));
    claims.put("iat", Instant.now().getEpochSecond() - 5);
    claims.put("exp", expiresAt.getEpochSecond());
    return sign(claims);
  }

  /**
   * Signs arbitrary claims (string, number and boolean values).
   *
   * @param claims the claims
   * @return the compact JWT
   */
  public String sign(Map<String, Object> claims) {
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
    String signingInput =
        base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(json(claims));
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(keys.getPrivate());
      signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a JWK set, as an identity provider serves it. */
  public String jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
        + keyId
        + "\",\"n\":\""
        + base64(unsigned(key.getModulus()))
        + "\",\"e\":\""
        + base64(unsigned(key.getPublicExponent()))
        + "\"}]}";
  }

  /** The public key as an X.509 {@code PUBLIC KEY} PEM. */
  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      byte[] trimmed = new byte[bytes.length - 1];
      System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return bytes;
  }

  private static byte[] json(Map<String, Object> claims) {
    StringBuilder b = new StringBuilder("{");
    String sep = "";
    for (Map.Entry<String, Object> e : claims.entrySet()) {
      b.append(sep).append('"').append(e.getKey()).append("\":");
      Object v = e.getValue();
      if (v instanceof Number || v instanceof Boolean) {
        b.append(v);
      } else {
        b.append('"')
            .append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\""))
            .append('"');
      }
      sep = ",";
    }
    return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
