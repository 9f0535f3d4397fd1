package org.openpleb.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Map;

/**
 * Payara Micro's bundled trust store without the certificates that have expired.
 *
 * <p>Payara checks every certificate of its trust store at boot and logs a WARNING with the whole
 * certificate for each expired one (about 80 lines each). An expired root cannot anchor a chain
 * anyway (path validation checks validity), so dropping it changes no trust decision. The launcher
 * writes the remaining certificates to a PKCS #12 file in Payara's runtime folder and names it in
 * {@code javax.net.ssl.trustStore}, which Payara adopts as its trust store. An operator who set
 * {@code javax.net.ssl.trustStore} keeps that store untouched.
 */
final class CurrentTrustStore {

  /** Where the uber jar keeps Payara's trust store. */
  static final String BUNDLED = "MICRO-INF/domain/cacerts.p12";

  /** The password Payara uses for its stores (its default master password). */
  static final char[] PASSWORD = "changeit".toCharArray();

  static final String TRUST_STORE = "javax.net.ssl.trustStore";

  private CurrentTrustStore() {}

  /**
   * The trusted certificates of {@code source} that are still valid at {@code now}.
   *
   * @param source a loaded key store
   * @param now the instant to judge expiry at
   * @return a new PKCS #12 store with the same aliases for the certificates kept
   */
  static KeyStore withoutExpired(KeyStore source, Instant now) throws GeneralSecurityException {
    KeyStore kept = KeyStore.getInstance("PKCS12");
    try {
      kept.load(null, PASSWORD);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an empty PKCS12 store", e);
    }
    Date at = Date.from(now);
    for (String alias : Collections.list(source.aliases())) {
      if (!source.isCertificateEntry(alias)) {
        continue;
      }
      Certificate certificate = source.getCertificate(alias);
      if (certificate instanceof X509Certificate x509 && x509.getNotAfter().before(at)) {
        continue;
      }
      kept.setCertificateEntry(alias, certificate);
    }
    return kept;
  }

  /**
   * Writes the bundled store without its expired certificates into {@code dir} and returns the
   * system property that makes Payara use it; nothing when the operator chose a trust store or the
   * bundled one is not on the class path (a plain {@code payara-micro.jar} start).
   *
   * @param dir an owner-only folder that lives as long as the server
   * @param now the instant to judge expiry at
   */
  static Map<String, String> prepare(Path dir, Instant now)
      throws IOException, GeneralSecurityException {
    if (System.getProperty(TRUST_STORE) != null) {
      return Map.of();
    }
    KeyStore bundled = KeyStore.getInstance("PKCS12");
    try (InputStream in = CurrentTrustStore.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        return Map.of();
      }
      bundled.load(in, PASSWORD);
    }
    Path file = dir.resolve("openpleb-truststore.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      withoutExpired(bundled, now).store(out, PASSWORD);
    }
    return Map.of(TRUST_STORE, file.toString());
  }
}
