package org.openpleb.ee.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;

/** Which proxies the server believes about the client's address. */
@ApplicationScoped
public class AdmissionConfig {

  /** Comma-separated addresses and CIDR networks whose {@code X-Forwarded-For} is believed. */
  public static final String OPENPLEB_TRUSTED_PROXIES = "OPENPLEB_TRUSTED_PROXIES";

  @Inject
  @ConfigProperty(name = OPENPLEB_TRUSTED_PROXIES)
  Optional<String> trustedProxies;

  private volatile TrustedProxies parsed;

  /** The trusted proxies (none by default: the connection peer is the client). */
  public TrustedProxies trustedProxies() {
    TrustedProxies proxies = parsed;
    if (proxies == null) {
      proxies = TrustedProxies.parse(trustedProxies.orElse(""));
      parsed = proxies;
    }
    return proxies;
  }

  /** Declares the rules for this feature's settings. */
  public static void validate(ConfigCheck check) {
    check.optionalRule(
        OPENPLEB_TRUSTED_PROXIES,
        raw -> {
          try {
            TrustedProxies.parse(raw);
            return null;
          } catch (IllegalArgumentException e) {
            return "a comma-separated list of IP addresses or CIDR networks ("
                + e.getMessage()
                + ")";
          }
        });
  }
}
