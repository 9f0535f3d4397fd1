package org.openpleb.ee.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * How often the {@link QuoteLedger} looks for mint quotes whose offer or deposit was never stored,
 * and how long a quote is left to the request that asked for it before it counts as lost. Each key
 * is also its environment variable.
 */
@ApplicationScoped
public class QuoteLedgerConfig implements SettingsRule {

  /** Period of the quote sweep, milliseconds. */
  public static final String WALLET_QUOTE_SWEEP_INTERVAL = "WALLET_QUOTE_SWEEP_INTERVAL";

  /** How long after it was asked an unheld quote is left to its request, milliseconds. */
  public static final String WALLET_QUOTE_GRACE = "WALLET_QUOTE_GRACE";

  /**
   * The shortest grace: longer than the mint client's request timeout (30 s) with room to spare.
   */
  static final long MIN_GRACE_MILLIS = 60_000;

  @Inject
  @ConfigProperty(name = WALLET_QUOTE_SWEEP_INTERVAL)
  long sweepMillis;

  @Inject
  @ConfigProperty(name = WALLET_QUOTE_GRACE)
  long graceMillis;

  /** How often the sweep runs. */
  public Duration sweepInterval() {
    return Duration.ofMillis(sweepMillis);
  }

  /**
   * How long a quote nobody holds yet is left to the request that asked for it: a request still
   * running must never have its quote taken from under it.
   */
  public Duration grace() {
    return Duration.ofMillis(graceMillis);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveLong(WALLET_QUOTE_SWEEP_INTERVAL);
    check.wholeNumberBetween(WALLET_QUOTE_GRACE, MIN_GRACE_MILLIS, Duration.ofDays(1).toMillis());
  }
}
