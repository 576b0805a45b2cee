package io.cachepair.testsupport.tls;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One member's TLS files in cert-manager's layout, and how a member is pointed at them.
 *
 * @param dir the folder holding the three files
 * @param key the private key (PKCS#8 PEM, {@code tls.key})
 * @param cert the member certificate (PEM, {@code tls.crt})
 * @param ca the CA certificate the member trusts (PEM, {@code ca.crt})
 * @param certificate the member certificate, parsed
 */
public record MemberTls(Path dir, Path key, Path cert, Path ca, X509Certificate certificate) {

  /**
   * The Coherence properties that put all cluster traffic on the {@code tls-files} socket provider
   * with these files and client authentication required.
   */
  public Map<String, String> coherenceProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("coherence.socketprovider", "tls-files");
    p.put("coherence.security.key", key.toString());
    p.put("coherence.security.cert", cert.toString());
    p.put("coherence.security.ca.cert", ca.toString());
    p.put("coherence.security.clientauth", "required");
    return p;
  }

  /** {@link #coherenceProperties()} as {@code -D} options. */
  public List<String> systemProperties() {
    List<String> options = new ArrayList<>();
    coherenceProperties().forEach((k, v) -> options.add("-D" + k + "=" + v));
    return options;
  }
}
