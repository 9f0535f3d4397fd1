package org.openpleb.ee.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * The operator's admin credentials. There are no defaults: while {@code OPENPLEB_ADMIN_USER} or
 * {@code OPENPLEB_ADMIN_PASSWORD_HASH} is unset, admin login is switched off. The hash comes from
 * {@link AdminPasswordHasher}; it is a secret and never appears in a log or a message.
 */
@ApplicationScoped
public class AdminConfig implements SettingsRule {

  /** The admin's user name. */
  public static final String ADMIN_USER = "OPENPLEB_ADMIN_USER";

  /** The admin's password as a PBKDF2 hash ({@link AdminPasswordHasher}). */
  public static final String ADMIN_PASSWORD_HASH = "OPENPLEB_ADMIN_PASSWORD_HASH";

  /** Lifetime of an admin session, seconds. */
  public static final String ADMIN_SESSION_EXPIRY = "OPENPLEB_ADMIN_SESSION_EXPIRY";

  /** Longest backoff after failed admin logins from one address, seconds. */
  public static final String ADMIN_LOGIN_BACKOFF_MAX = "OPENPLEB_ADMIN_LOGIN_BACKOFF_MAX";

  /** Longest backoff after failed admin logins for the configured user, seconds. */
  public static final String ADMIN_LOGIN_USER_BACKOFF_MAX = "OPENPLEB_ADMIN_LOGIN_USER_BACKOFF_MAX";

  /** How many admin password checks may run at once. */
  public static final String ADMIN_LOGIN_HASH_PERMITS = "OPENPLEB_ADMIN_LOGIN_HASH_PERMITS";

  @Inject
  @ConfigProperty(name = ADMIN_LOGIN_BACKOFF_MAX)
  long backoffMaxSeconds;

  @Inject
  @ConfigProperty(name = ADMIN_LOGIN_USER_BACKOFF_MAX)
  long userBackoffMaxSeconds;

  @Inject
  @ConfigProperty(name = ADMIN_LOGIN_HASH_PERMITS)
  int hashPermits;

  @Inject
  @ConfigProperty(name = ADMIN_USER)
  Optional<String> user;

  @Inject
  @ConfigProperty(name = ADMIN_PASSWORD_HASH)
  Optional<String> passwordHash;

  @Inject
  @ConfigProperty(name = ADMIN_SESSION_EXPIRY)
  long sessionExpirySeconds;

  /** Whether both credentials are configured, so admin login is possible. */
  public boolean enabled() {
    return user().isPresent() && passwordHash().isPresent();
  }

  /** The configured user name, if any. */
  public Optional<String> user() {
    return user.map(String::trim).filter(u -> !u.isEmpty());
  }

  /** The configured password hash, if any. */
  public Optional<String> passwordHash() {
    return passwordHash.map(String::trim).filter(h -> !h.isEmpty());
  }

  /** How long an admin token works. */
  public Duration sessionExpiry() {
    return Duration.ofSeconds(sessionExpirySeconds);
  }

  /** The longest an address waits after failed admin logins. */
  public Duration backoffMax() {
    return Duration.ofSeconds(backoffMaxSeconds);
  }

  /** The longest the configured user waits after failed admin logins from anywhere. */
  public Duration userBackoffMax() {
    return Duration.ofSeconds(userBackoffMaxSeconds);
  }

  /** How many password checks may run at once; more are refused before hashing. */
  public int hashPermits() {
    return hashPermits;
  }

  /**
   * Problems with these settings, each naming its key and never quoting the hash; empty when they
   * are usable.
   */
  public Optional<String> problem() {
    if (sessionExpirySeconds < 1) {
      return Optional.of(ADMIN_SESSION_EXPIRY + " must be a whole number of at least 1");
    }
    if (backoffMaxSeconds < 1) {
      return Optional.of(ADMIN_LOGIN_BACKOFF_MAX + " must be a whole number of at least 1");
    }
    if (userBackoffMaxSeconds < 1) {
      return Optional.of(ADMIN_LOGIN_USER_BACKOFF_MAX + " must be a whole number of at least 1");
    }
    if (hashPermits < 1 || hashPermits > 64) {
      return Optional.of(ADMIN_LOGIN_HASH_PERMITS + " must be a whole number from 1 to 64");
    }
    if (user().isPresent() != passwordHash().isPresent()) {
      return Optional.of(
          "Set both "
              + ADMIN_USER
              + " and "
              + ADMIN_PASSWORD_HASH
              + " to enable admin login, or neither to disable it");
    }
    if (passwordHash().isPresent() && !AdminPasswordHasher.isWellFormed(passwordHash().get())) {
      return Optional.of(
          ADMIN_PASSWORD_HASH
              + " is not a PBKDF2 hash of the form algorithm:iterations:salt:hash;"
              + " produce one with org.openpleb.ee.admin.AdminPasswordHasher");
    }
    return Optional.empty();
  }

  /** Reports {@link #problem()}, which names its key and never quotes the hash. */
  @Override
  public void declare(ConfigCheck check) {
    problem().ifPresent(check::violation);
  }
}
