package org.openpleb.ee.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shared database pool's sizing as the operator configured it. The pool itself is created by
 * the post-boot asadmin file from the same environment; the application reports these figures and
 * the capacity estimate uses them.
 */
@ApplicationScoped
public class DatabaseConfig implements SettingsRule {

  /** Maximum connections of the pool. */
  public static final String DATABASE_POOL_SIZE = "DATABASE_POOL_SIZE";

  /** Connections kept open while idle. */
  public static final String DATABASE_POOL_MIN = "DATABASE_POOL_MIN";

  /** Idle time before a pooled connection closes, milliseconds. */
  public static final String DATABASE_POOL_IDLE_TIMEOUT = "DATABASE_POOL_IDLE_TIMEOUT";

  @Inject
  @ConfigProperty(name = DATABASE_POOL_SIZE)
  int poolSize;

  @Inject
  @ConfigProperty(name = DATABASE_POOL_MIN)
  int poolMin;

  @Inject
  @ConfigProperty(name = DATABASE_POOL_IDLE_TIMEOUT)
  long poolIdleTimeoutMillis;

  /** Maximum number of pooled connections. */
  public int poolSize() {
    return poolSize;
  }

  /** Connections kept open while idle. */
  public int poolMin() {
    return poolMin;
  }

  /** How long an idle pooled connection stays open. */
  public Duration poolIdleTimeout() {
    return Duration.ofMillis(poolIdleTimeoutMillis);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveInt(DATABASE_POOL_SIZE);
    check.nonNegativeInt(DATABASE_POOL_MIN);
    check.notAbove(DATABASE_POOL_MIN, DATABASE_POOL_SIZE);
    check.positiveLong(DATABASE_POOL_IDLE_TIMEOUT);
  }
}
