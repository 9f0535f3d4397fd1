package org.openpleb.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Uses Payara's own bundled trust store (payara-micro is on the test class path). */
class CurrentTrustStoreTest {

  private static KeyStore bundled() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        CurrentTrustStore.class.getClassLoader().getResourceAsStream(CurrentTrustStore.BUNDLED)) {
      assertNotNull(in, "payara-micro's bundled trust store is on the test class path");
      store.load(in, CurrentTrustStore.PASSWORD);
    }
    return store;
  }

  @Test
  void dropsExactlyTheCertificatesExpiredAtTheGivenInstant() throws Exception {
    KeyStore source = bundled();
    // TC TrustCenter Class 4 CA II, bundled by Payara, expired at the end of 2025.
    Instant after = Instant.parse("2026-06-01T00:00:00Z");
    Instant before = Instant.parse("2025-06-01T00:00:00Z");

    KeyStore kept = CurrentTrustStore.withoutExpired(source, after);
    KeyStore earlier = CurrentTrustStore.withoutExpired(source, before);

    assertTrue(source.containsAlias("trustcenterclass4caii"));
    assertFalse(kept.containsAlias("trustcenterclass4caii"));
    assertTrue(earlier.containsAlias("trustcenterclass4caii"));
    assertTrue(kept.size() > 50, "the valid roots stay: " + kept.size());
    for (String alias : Collections.list(kept.aliases())) {
      X509Certificate certificate = (X509Certificate) kept.getCertificate(alias);
      assertFalse(certificate.getNotAfter().before(Date.from(after)), alias + " has expired");
      assertEquals(source.getCertificate(alias), certificate);
    }
    long expired =
        Collections.list(source.aliases()).stream()
            .filter(
                alias -> {
                  try {
                    return ((X509Certificate) source.getCertificate(alias))
                        .getNotAfter()
                        .before(Date.from(after));
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .count();
    assertEquals(source.size() - expired, kept.size());
  }
}
