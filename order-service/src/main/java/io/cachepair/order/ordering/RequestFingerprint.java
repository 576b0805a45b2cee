package io.cachepair.order.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a canonical form of a {@link PlaceOrderRequest}, stored with its Idempotency-Key
 * to tell a retry (same body) from a reused key (different body).
 *
 * <p>It hashes the parsed request, not the raw bytes, so that whitespace, field order and unknown
 * fields do not make a retry "different"; line order does count. Every value is length-prefixed so
 * that no two distinct requests share a canonical form.
 */
final class RequestFingerprint {

  private RequestFingerprint() {}

  /**
   * Fingerprints a request.
   *
   * @param request the validated request
   * @return 64 lowercase hex digits
   */
  static String of(PlaceOrderRequest request) {
    StringBuilder canonical = new StringBuilder("order/v1");
    field(canonical, request.customerId());
    canonical.append('#').append(request.items().size());
    for (PlaceOrderRequest.Item item : request.items()) {
      field(canonical, item.dishId());
      field(canonical, String.valueOf(item.quantity()));
      field(
          canonical,
          item.expectedUnitPriceCents() == null ? "" : item.expectedUnitPriceCents().toString());
    }
    return sha256(canonical.toString());
  }

  private static void field(StringBuilder sb, String value) {
    sb.append('|').append(value.length()).append(':').append(value);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
