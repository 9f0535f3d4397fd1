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

  /** After how many seconds an IN_PROGRESS claim counts as orphaned, whoever made it. */
  public static final String IDEMPOTENCY_ORPHAN_AFTER = "IDEMPOTENCY_ORPHAN_AFTER";

  @Inject
  @ConfigProperty(name = IDEMPOTENCY_RETENTION)
  long retentionSeconds;

  @Inject
  @ConfigProperty(name = IDEMPOTENCY_ORPHAN_AFTER)
  long orphanAfterSeconds;

  /**
   * How long a request may stay IN_PROGRESS before a retry takes it over even from this boot (a
   * claim of another boot is orphaned at once: one instance runs per database today; with several,
   * the bound alone must decide). Far above the longest request (mint calls time out within a
   * minute).
   */
  public Duration orphanAfter() {
    return Duration.ofSeconds(orphanAfterSeconds);
  }

  /** How long a client may retry a request with the same key and get the first answer. */
  public Duration retention() {
    return Duration.ofSeconds(retentionSeconds);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveLong(IDEMPOTENCY_RETENTION);
    check.positiveLong(IDEMPOTENCY_ORPHAN_AFTER);
  }
}
