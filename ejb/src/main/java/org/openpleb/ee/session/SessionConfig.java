package org.openpleb.ee.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.capacity.CapacityLevel;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * How long sessions and login challenges live, how many sessions may be live at once, and how the
 * server treats idle sessions (capacity analysis names; each key is also its environment variable).
 */
@ApplicationScoped
public class SessionConfig implements SettingsRule {

  /** Maximum session lifetime, seconds. */
  public static final String SESSION_EXPIRY = "SESSION_EXPIRY";

  /** Hard cap on live sessions. */
  public static final String SESSION_LIMIT = "SESSION_LIMIT";

  /** How long a login challenge can be used, seconds. */
  public static final String SESSION_CHALLENGE_TTL = "SESSION_CHALLENGE_TTL";

  /** The Retry-After a refused login is told to wait, seconds. */
  public static final String SESSION_RETRY_AFTER = "SESSION_RETRY_AFTER";

  /** The least time between two writes of a session's last activity, seconds. */
  public static final String SESSION_TOUCH_INTERVAL = "SESSION_TOUCH_INTERVAL";

  /** Inactivity after which EMERGENCY relief may force-close a session, seconds. */
  public static final String SESSION_IDLE_LIMIT = "SESSION_IDLE_LIMIT";

  /** Proof-of-work bits a login challenge asks for at capacity level WARNING. */
  public static final String SESSION_POW_BITS_WARNING = "SESSION_POW_BITS_WARNING";

  /** Proof-of-work bits at CRITICAL. */
  public static final String SESSION_POW_BITS_CRITICAL = "SESSION_POW_BITS_CRITICAL";

  /** Proof-of-work bits at EMERGENCY, where only a login with this much work is admitted. */
  public static final String SESSION_POW_BITS_EMERGENCY = "SESSION_POW_BITS_EMERGENCY";

  /** The most login challenges this server issues within one SESSION_CHALLENGE_TTL. */
  public static final String SESSION_CHALLENGE_LIMIT = "SESSION_CHALLENGE_LIMIT";

  /**
   * The wallet feature's cleanup period, which also paces the session sweep; the wallet's rule
   * validates it, and it is read here by name so that sessions need not depend on wallets.
   */
  static final String SWEEP_INTERVAL = "WALLET_CLEANUP_INTERVAL";

  @Inject
  @ConfigProperty(name = SWEEP_INTERVAL)
  long sweepIntervalMillis;

  @Inject
  @ConfigProperty(name = SESSION_POW_BITS_WARNING)
  int powBitsWarning;

  @Inject
  @ConfigProperty(name = SESSION_POW_BITS_CRITICAL)
  int powBitsCritical;

  @Inject
  @ConfigProperty(name = SESSION_POW_BITS_EMERGENCY)
  int powBitsEmergency;

  @Inject
  @ConfigProperty(name = SESSION_CHALLENGE_LIMIT)
  int challengeLimit;

  @Inject
  @ConfigProperty(name = SESSION_EXPIRY)
  long expirySeconds;

  @Inject
  @ConfigProperty(name = SESSION_LIMIT)
  int limit;

  @Inject
  @ConfigProperty(name = SESSION_CHALLENGE_TTL)
  long challengeTtlSeconds;

  @Inject
  @ConfigProperty(name = SESSION_RETRY_AFTER)
  long retryAfterSeconds;

  @Inject
  @ConfigProperty(name = SESSION_TOUCH_INTERVAL)
  long touchIntervalSeconds;

  @Inject
  @ConfigProperty(name = SESSION_IDLE_LIMIT)
  long idleLimitSeconds;

  /** How often expired sessions are closed (the wallet cleanup period, WALLET_CLEANUP_INTERVAL). */
  public Duration sweepInterval() {
    return Duration.ofMillis(sweepIntervalMillis);
  }

  /** The longest a session lives from its creation. */
  public Duration expiry() {
    return Duration.ofSeconds(expirySeconds);
  }

  /** The most sessions that may be live at once; further logins are refused. */
  public int limit() {
    return limit;
  }

  /** How long a login challenge stays usable after it was issued. */
  public Duration challengeTtl() {
    return Duration.ofSeconds(challengeTtlSeconds);
  }

  /** How long a refused login should wait before it tries again. */
  public Duration retryAfter() {
    return Duration.ofSeconds(retryAfterSeconds);
  }

  /**
   * How stale a session's last activity may get before a request writes it again: requests within
   * the interval cost no database write.
   */
  public Duration touchInterval() {
    return Duration.ofSeconds(touchIntervalSeconds);
  }

  /** How long without a request before EMERGENCY relief may force-close a session. */
  public Duration idleLimit() {
    return Duration.ofSeconds(idleLimitSeconds);
  }

  /** The proof-of-work difficulty a login needs at {@code level}: none at NORMAL. */
  public int powBits(CapacityLevel level) {
    return switch (level) {
      case NORMAL -> 0;
      case WARNING -> powBitsWarning;
      case CRITICAL -> powBitsCritical;
      case EMERGENCY -> powBitsEmergency;
    };
  }

  /** How many challenges this server may issue within one challenge lifetime. */
  public int challengeLimit() {
    return challengeLimit;
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveLong(SESSION_EXPIRY);
    check.positiveInt(SESSION_LIMIT);
    check.positiveLong(SESSION_CHALLENGE_TTL);
    check.positiveLong(SESSION_RETRY_AFTER);
    check.nonNegativeLong(SESSION_TOUCH_INTERVAL);
    check.positiveLong(SESSION_IDLE_LIMIT);
    check.positiveInt(SESSION_CHALLENGE_LIMIT);
    for (String key :
        new String[] {
          SESSION_POW_BITS_WARNING, SESSION_POW_BITS_CRITICAL, SESSION_POW_BITS_EMERGENCY
        }) {
      check.optionalRule(
          key,
          raw -> {
            try {
              int bits = Integer.parseInt(raw.trim());
              return bits >= 0 && bits <= ProofOfWork.MAX_BITS
                  ? null
                  : "a whole number from 0 to 32";
            } catch (NumberFormatException e) {
              return "a whole number from 0 to 32";
            }
          });
    }
    check.notAbove(SESSION_POW_BITS_WARNING, SESSION_POW_BITS_CRITICAL);
    check.notAbove(SESSION_POW_BITS_CRITICAL, SESSION_POW_BITS_EMERGENCY);
  }
}
