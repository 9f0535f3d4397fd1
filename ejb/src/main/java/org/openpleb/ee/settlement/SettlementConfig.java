package org.openpleb.ee.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * The settlement settings. The lease lives here rather than in the offer package's {@code
 * TradeConfig} because offers depend on settlement, never the other way round.
 */
@ApplicationScoped
public class SettlementConfig implements SettingsRule {

  /** Seconds one run holds a settlement between two steps; a run that died frees it after this. */
  public static final String LEASE_SECONDS = "OFFER_SETTLEMENT_LEASE";

  @Inject
  @ConfigProperty(name = LEASE_SECONDS)
  long leaseSeconds;

  /** How long one run holds a settlement between two steps. */
  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveLong(LEASE_SECONDS);
  }
}
