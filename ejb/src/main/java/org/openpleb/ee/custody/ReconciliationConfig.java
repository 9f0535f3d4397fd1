package org.openpleb.ee.custody;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * How often the reconciliation runs and how many proofs it checks with the mint per run. Each key
 * is also its environment variable.
 */
@ApplicationScoped
public class ReconciliationConfig implements SettingsRule {

  /** Period of the reconciliation timer, milliseconds. */
  public static final String RECONCILIATION_INTERVAL = "RECONCILIATION_INTERVAL";

  /** The least number of spendable or reserved proofs checked with the mint (NUT-07) per run. */
  public static final String RECONCILIATION_SAMPLE = "RECONCILIATION_SAMPLE";

  /** The most a run checks: bounds the mint's load however many proofs the wallets hold. */
  static final long MAX_SAMPLE = 1_000_000;

  @Inject
  @ConfigProperty(name = RECONCILIATION_INTERVAL)
  long intervalMillis;

  @Inject
  @ConfigProperty(name = RECONCILIATION_SAMPLE)
  int sample;

  /** How often the reconciliation runs; the first run is one interval after startup. */
  public Duration interval() {
    return Duration.ofMillis(intervalMillis);
  }

  /**
   * The least number of proofs checked per run; a run checks more when that is what it takes to
   * check every proof once a day (see {@link ProofSample#budget}).
   */
  public int sample() {
    return sample;
  }

  @Override
  public void declare(ConfigCheck check) {
    check.wholeNumberBetween(RECONCILIATION_INTERVAL, 1000, Duration.ofDays(1).toMillis());
    check.wholeNumberBetween(RECONCILIATION_SAMPLE, 1, MAX_SAMPLE);
  }
}
