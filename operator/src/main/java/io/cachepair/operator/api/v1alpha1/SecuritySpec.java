package io.cachepair.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How the pair's members authenticate each other and their callers. */
public class SecuritySpec {

  @JsonPropertyDescription(
      "Name of a Secret in cert-manager's layout (tls.key, tls.crt, ca.crt) mounted into every"
          + " member: all cluster traffic runs over TLS with client authentication against ca.crt."
          + " Certificates need both serverAuth and clientAuth. Without it the members refuse to"
          + " start unless insecureCluster is true.")
  private String clusterTlsSecret;

  @JsonPropertyDescription(
      "Start the members on a plain cluster without TLS: anyone who reaches the cluster port can"
          + " join. For experiments only.")
  private Boolean insecureCluster;

  @JsonPropertyDescription(
      "The identity provider's JWK set URL; the services accept bearer tokens (RS256 JWTs with"
          + " sub and scope) signed with its keys, cached through outages of the provider.")
  private String jwkSetUri;

  public String getClusterTlsSecret() {
    return clusterTlsSecret;
  }

  public void setClusterTlsSecret(String clusterTlsSecret) {
    this.clusterTlsSecret = clusterTlsSecret;
  }

  public Boolean getInsecureCluster() {
    return insecureCluster;
  }

  public void setInsecureCluster(Boolean insecureCluster) {
    this.insecureCluster = insecureCluster;
  }

  public String getJwkSetUri() {
    return jwkSetUri;
  }

  public void setJwkSetUri(String jwkSetUri) {
    this.jwkSetUri = jwkSetUri;
  }
}
