package org.openpleb.ee.custody.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/** The escrow commitment's settings. */
@ApplicationScoped
public class EscrowCommitmentConfig implements SettingsRule {

  /** Milliseconds between two published commitments. */
  public static final String INTERVAL = "ESCROW_COMMITMENT_INTERVAL";

  @Inject
  @ConfigProperty(name = INTERVAL)
  long intervalMillis;

  /** How often a commitment is published. */
  public Duration interval() {
    return Duration.ofMillis(intervalMillis);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveLong(INTERVAL);
  }
}
