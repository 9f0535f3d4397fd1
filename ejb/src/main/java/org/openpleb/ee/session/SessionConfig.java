package org.openpleb.ee.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;

/** How long sessions live and how many may be live at once (capacity analysis names). */
@ApplicationScoped
public class SessionConfig {

  /** Maximum session lifetime, seconds. */
  public static final String SESSION_EXPIRY = "SESSION_EXPIRY";

  /** Hard cap on live sessions. */
  public static final String SESSION_LIMIT = "SESSION_LIMIT";

  @Inject
  @ConfigProperty(name = SESSION_EXPIRY)
  long expirySeconds;

  @Inject
  @ConfigProperty(name = SESSION_LIMIT)
  int limit;

  /** The longest a session lives from its creation. */
  public Duration expiry() {
    return Duration.ofSeconds(expirySeconds);
  }

  /** The most sessions that may be live at once; further logins are refused. */
  public int limit() {
    return limit;
  }

  /** Declares the rules for this feature's settings. */
  public static void validate(ConfigCheck check) {
    check.positiveLong(SESSION_EXPIRY);
    check.positiveInt(SESSION_LIMIT);
  }
}
