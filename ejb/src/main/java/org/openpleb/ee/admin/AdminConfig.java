package org.openpleb.ee.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's admin credentials. There are no defaults: while {@code OPENPLEB_ADMIN_USER} or
 * {@code OPENPLEB_ADMIN_PASSWORD_HASH} is unset, admin login is switched off. The hash comes from
 * {@link AdminPasswordHasher}; it is a secret and never appears in a log or a message.
 */
@ApplicationScoped
public class AdminConfig {

  /** The admin's user name. */
  public static final String ADMIN_USER = "OPENPLEB_ADMIN_USER";

  /** The admin's password as a PBKDF2 hash ({@link AdminPasswordHasher}). */
  public static final String ADMIN_PASSWORD_HASH = "OPENPLEB_ADMIN_PASSWORD_HASH";

  /** Lifetime of an admin session, seconds. */
  public static final String ADMIN_SESSION_EXPIRY = "OPENPLEB_ADMIN_SESSION_EXPIRY";

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

  /**
   * Problems with these settings, each naming its key and never quoting the hash; empty when they
   * are usable.
   */
  public Optional<String> problem() {
    if (sessionExpirySeconds < 1) {
      return Optional.of(ADMIN_SESSION_EXPIRY + " must be a whole number of at least 1");
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
}
