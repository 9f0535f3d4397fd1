package org.openpleb.ee.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * Which proxies the server believes about the client's address, and the per-address rate limits
 * (see {@link LimitName}: {@code RATE_LIMIT_<NAME>_BURST}, {@code RATE_LIMIT_<NAME>_PER_MINUTE}).
 */
@ApplicationScoped
public class AdmissionConfig implements SettingsRule {

  /** Comma-separated addresses and CIDR networks whose {@code X-Forwarded-For} is believed. */
  public static final String OPENPLEB_TRUSTED_PROXIES = "OPENPLEB_TRUSTED_PROXIES";

  /** How many client addresses each rate limit tracks at most (memory is bounded by it). */
  public static final String RATE_LIMIT_TRACKED = "RATE_LIMIT_TRACKED";

  @Inject
  @ConfigProperty(name = OPENPLEB_TRUSTED_PROXIES)
  Optional<String> trustedProxies;

  @Inject
  @ConfigProperty(name = RATE_LIMIT_TRACKED)
  int maxTracked;

  /** The rate limits' own keys are named by {@link LimitName}, so they are read by those names. */
  @Inject Config config;

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

  /** How many addresses each rate limit tracks at most. */
  public int maxTracked() {
    return maxTracked;
  }

  /** The configured shape of one rate limit. */
  public RateLimit rateLimit(LimitName name) {
    return new RateLimit(
        config.getValue(name.burstKey(), Integer.class),
        config.getValue(name.perMinuteKey(), Long.class));
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveInt(RATE_LIMIT_TRACKED);
    for (LimitName name : LimitName.values()) {
      check.positiveInt(name.burstKey());
      check.positiveLong(name.perMinuteKey());
    }
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
