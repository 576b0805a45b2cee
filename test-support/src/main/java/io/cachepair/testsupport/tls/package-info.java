/**
 * TLS for test clusters: a CA per test JVM and member certificates, made with the JDK alone, in
 * cert-manager's file layout for Coherence's {@code tls-files} socket provider.
 */
package io.cachepair.testsupport.tls;
