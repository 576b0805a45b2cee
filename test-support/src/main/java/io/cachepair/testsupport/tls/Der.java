package io.cachepair.testsupport.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The few DER encodings an X.509 certificate needs, because the JDK signs and parses certificates
 * but has no public API to build one.
 */
final class Der {

  private static final DateTimeFormatter GENERALIZED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

  private Der() {}

  static byte[] sequence(byte[]... parts) {
    return tagged(0x30, concat(parts));
  }

  static byte[] set(byte[]... parts) {
    return tagged(0x31, concat(parts));
  }

  static byte[] integer(BigInteger value) {
    return tagged(0x02, value.toByteArray());
  }

  static byte[] bool(boolean value) {
    return tagged(0x01, new byte[] {(byte) (value ? 0xff : 0)});
  }

  static byte[] nullValue() {
    return new byte[] {0x05, 0x00};
  }

  static byte[] octetString(byte[] content) {
    return tagged(0x04, content);
  }

  /** A BIT STRING with no unused bits. */
  static byte[] bitString(byte[] content) {
    byte[] withPad = new byte[content.length + 1];
    System.arraycopy(content, 0, withPad, 1, content.length);
    return tagged(0x03, withPad);
  }

  /** A BIT STRING of named bits (KeyUsage), bit 0 being the most significant of the first byte. */
  static byte[] namedBits(int... bits) {
    int highest = 0;
    for (int b : bits) {
      highest = Math.max(highest, b);
    }
    byte[] content = new byte[highest / 8 + 1];
    for (int b : bits) {
      content[b / 8] |= (byte) (0x80 >>> (b % 8));
    }
    int unused = 7 - highest % 8;
    byte[] withPad = new byte[content.length + 1];
    withPad[0] = (byte) unused;
    System.arraycopy(content, 0, withPad, 1, content.length);
    return tagged(0x03, withPad);
  }

  static byte[] utf8(String value) {
    return tagged(0x0c, value.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] time(ZonedDateTime when) {
    return tagged(0x18, GENERALIZED.format(when.withZoneSameInstant(ZoneOffset.UTC)).getBytes());
  }

  /** A context-specific constructed tag ({@code [n] EXPLICIT}). */
  static byte[] explicit(int n, byte[] content) {
    return tagged(0xa0 | n, content);
  }

  /** A context-specific primitive tag ({@code [n] IMPLICIT} of a primitive type). */
  static byte[] implicit(int n, byte[] content) {
    return tagged(0x80 | n, content);
  }

  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      int groups = 1;
      for (long v = arc >>> 7; v > 0; v >>>= 7) {
        groups++;
      }
      for (int g = groups - 1; g >= 0; g--) {
        int b = (int) ((arc >>> (7 * g)) & 0x7f);
        out.write(g == 0 ? b : b | 0x80);
      }
    }
    return tagged(0x06, out.toByteArray());
  }

  static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      byte[] bytes = BigInteger.valueOf(length).toByteArray();
      int skip = bytes[0] == 0 ? 1 : 0;
      out.write(0x80 | (bytes.length - skip));
      out.write(bytes, skip, bytes.length - skip);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
