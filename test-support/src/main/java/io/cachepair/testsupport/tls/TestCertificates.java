package io.cachepair.testsupport.tls;

import io.cachepair.testsupport.files.WorkDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A certificate authority of the test JVM and the member certificates it issues, made with the JDK
 * alone (a key pair, a hand-encoded X.509 body, {@link Signature}), written as PEM files in
 * cert-manager's layout ({@code tls.key}, {@code tls.crt}, {@code ca.crt}) for Coherence's {@code
 * tls-files} socket provider.
 *
 * <p>{@link #shared()} is the pair's CA: one per test JVM, so every cluster a test starts is a TLS
 * cluster. {@link #foreign(String)} makes another CA, and {@link #memberWithoutClientAuth} a
 * certificate that may only serve, for the rogue-member cases.
 */
public final class TestCertificates {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
  private static final Object LOCK = new Object();
  private static volatile TestCertificates shared;

  private final String name;
  private final Path dir;
  private final KeyPair caKeys;
  private final X509Certificate caCert;
  private final Path caFile;
  private final SecureRandom random = new SecureRandom();
  private MemberTls sharedMember;

  private TestCertificates(String name, Path dir) {
    this.name = name;
    this.dir = dir;
    this.caKeys = rsa();
    byte[] subject = name(name);
    this.caCert =
        sign(
            caKeys.getPrivate(),
            subject,
            subject,
            caKeys.getPublic(),
            Der.concat(
                extension("2.5.29.19", true, Der.sequence(Der.bool(true))),
                // keyCertSign (5) and cRLSign (6)
                extension("2.5.29.15", true, Der.namedBits(5, 6))));
    this.caFile = dir.resolve("ca.crt");
    write(caFile, pem("CERTIFICATE", der(caCert)));
  }

  /** The pair's CA of this test JVM, created on first use. */
  public static TestCertificates shared() {
    TestCertificates s = shared;
    if (s == null) {
      synchronized (LOCK) {
        s = shared;
        if (s == null) {
          s = new TestCertificates("cachepair test CA", WorkDirs.fresh("tls"));
          shared = s;
        }
      }
    }
    return s;
  }

  /**
   * Another CA, which the pair does not trust.
   *
   * @param name its common name
   * @return the new CA
   */
  public static TestCertificates foreign(String name) {
    return new TestCertificates(name, WorkDirs.fresh("tls-foreign"));
  }

  /** One member certificate of the pair's CA for every member this test JVM starts. */
  public static MemberTls sharedMember() {
    TestCertificates ca = shared();
    synchronized (LOCK) {
      if (ca.sharedMember == null) {
        ca.sharedMember = ca.member("member");
      }
      return ca.sharedMember;
    }
  }

  /** This CA's certificate file (PEM). */
  public Path caCertFile() {
    return caFile;
  }

  /** This CA's certificate. */
  public X509Certificate caCertificate() {
    return caCert;
  }

  /**
   * Issues a member certificate: serverAuth and clientAuth (members are clients and servers), names
   * 127.0.0.1 and localhost, trusting this CA.
   *
   * @param member the member's name (its common name and folder)
   * @return the member's files
   */
  public MemberTls member(String member) {
    return issue(member, caFile, SERVER_AUTH, CLIENT_AUTH);
  }

  /**
   * Issues a certificate this CA signs but only for serverAuth: a member presenting it as a client
   * must be refused.
   *
   * @param member the member's name
   * @return the member's files
   */
  public MemberTls memberWithoutClientAuth(String member) {
    return issue(member, caFile, SERVER_AUTH);
  }

  /**
   * Issues a member certificate from this CA that trusts another CA (a rogue that knows the pair's
   * CA certificate, which is public, but holds no certificate the pair's CA signed).
   *
   * @param member the member's name
   * @param trusted the CA certificate file it trusts
   * @return the member's files
   */
  public MemberTls memberTrusting(String member, Path trusted) {
    return issue(member, trusted, SERVER_AUTH, CLIENT_AUTH);
  }

  private MemberTls issue(String member, Path trusted, String... usages) {
    KeyPair keys = rsa();
    List<byte[]> ekus = new ArrayList<>();
    for (String usage : usages) {
      ekus.add(Der.oid(usage));
    }
    byte[] san;
    try {
      san =
          Der.sequence(
              Der.implicit(7, InetAddress.getByName("127.0.0.1").getAddress()),
              Der.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    X509Certificate cert =
        sign(
            caKeys.getPrivate(),
            name(name),
            name(member),
            keys.getPublic(),
            Der.concat(
                extension("2.5.29.19", true, Der.sequence()),
                // digitalSignature (0) and keyEncipherment (2)
                extension("2.5.29.15", true, Der.namedBits(0, 2)),
                extension("2.5.29.37", false, Der.sequence(ekus.toArray(byte[][]::new))),
                extension("2.5.29.17", false, san)));
    Path memberDir = dir.resolve(member.replaceAll("[^A-Za-z0-9._-]", "_"));
    try {
      Files.createDirectories(memberDir);
      Path key = memberDir.resolve("tls.key");
      Path crt = memberDir.resolve("tls.crt");
      Path ca = memberDir.resolve("ca.crt");
      write(key, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
      write(crt, pem("CERTIFICATE", der(cert)));
      Files.copy(trusted, ca);
      return new MemberTls(memberDir, key, crt, ca, cert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private X509Certificate sign(
      PrivateKey issuerKey,
      byte[] issuer,
      byte[] subject,
      PublicKey subjectKey,
      byte[] extensions) {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(new BigInteger(63, random).add(BigInteger.ONE)),
            algorithm,
            issuer,
            Der.sequence(Der.time(now.minusHours(1)), Der.time(now.plusDays(2))),
            subject,
            subjectKey.getEncoded(),
            Der.explicit(3, Der.sequence(extensions)));
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(issuerKey);
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(certificate));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a test certificate", e);
    }
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    return critical
        ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
        : Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  private static byte[] name(String commonName) {
    return Der.sequence(
        Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8("cachepair tests"))),
        Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
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

  private static byte[] der(X509Certificate cert) {
    try {
      return cert.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
