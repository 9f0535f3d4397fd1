package org.openpleb.ee.admission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;

/**
 * Which proxies the server believes about the client's address, and the per-address rate limits
 * (see {@link LimitName}: {@code RATE_LIMIT_<NAME>_BURST}, {@code RATE_LIMIT_<NAME>_PER_MINUTE}).
 */
@ApplicationScoped
public class AdmissionConfig {

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

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_CHALLENGE_BURST")
  int challengeBurst;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_CHALLENGE_PER_MINUTE")
  long challengePerMinute;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_LOGIN_BURST")
  int loginBurst;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_LOGIN_PER_MINUTE")
  long loginPerMinute;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_OFFER_BURST")
  int offerBurst;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_OFFER_PER_MINUTE")
  long offerPerMinute;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_DEPOSIT_BURST")
  int depositBurst;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_DEPOSIT_PER_MINUTE")
  long depositPerMinute;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_ADMIN_LOGIN_BURST")
  int adminLoginBurst;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_ADMIN_LOGIN_PER_MINUTE")
  long adminLoginPerMinute;

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
    return switch (name) {
      case CHALLENGE -> new RateLimit(challengeBurst, challengePerMinute);
      case LOGIN -> new RateLimit(loginBurst, loginPerMinute);
      case OFFER -> new RateLimit(offerBurst, offerPerMinute);
      case DEPOSIT -> new RateLimit(depositBurst, depositPerMinute);
      case ADMIN_LOGIN -> new RateLimit(adminLoginBurst, adminLoginPerMinute);
    };
  }

  /** Declares the rules for this feature's settings. */
  public static void validate(ConfigCheck check) {
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
