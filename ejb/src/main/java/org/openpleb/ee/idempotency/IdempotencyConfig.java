package org.openpleb.ee.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/** How long the first answer to an idempotent request is kept for retries. */
@ApplicationScoped
public class IdempotencyConfig implements SettingsRule {

  /** How long stored answers are kept, seconds. */
  public static final String IDEMPOTENCY_RETENTION = "IDEMPOTENCY_RETENTION";

  @Inject
  @ConfigProperty(name = IDEMPOTENCY_RETENTION)
  long retentionSeconds;

  /** How long a client may retry a request with the same key and get the first answer. */
  public Duration retention() {
    return Duration.ofSeconds(retentionSeconds);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveLong(IDEMPOTENCY_RETENTION);
  }
}
