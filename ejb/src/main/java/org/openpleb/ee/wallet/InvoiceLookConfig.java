package org.openpleb.ee.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * How reading an offer or a deposit whose invoice is unpaid asks the mint about it at once ({@link
 * InvoiceLooks}): the least time between two such looks at one invoice, the most one user may cause
 * per second, and how long a read waits for its look. Each key is also its environment variable.
 */
@ApplicationScoped
public class InvoiceLookConfig implements SettingsRule {

  /** The least time between two looks at one invoice caused by reads, milliseconds. */
  public static final String INVOICE_LOOK_SPACING = "INVOICE_LOOK_SPACING";

  /** The most looks one user's reads may cause per second; 0 turns looks on read off. */
  public static final String INVOICE_LOOK_PER_SECOND = "INVOICE_LOOK_PER_SECOND";

  /** How long a read waits for its look before it answers with what it knows, milliseconds. */
  public static final String INVOICE_LOOK_WAIT = "INVOICE_LOOK_WAIT";

  @Inject
  @ConfigProperty(name = INVOICE_LOOK_SPACING)
  long spacingMillis;

  @Inject
  @ConfigProperty(name = INVOICE_LOOK_PER_SECOND)
  int perSecond;

  @Inject
  @ConfigProperty(name = INVOICE_LOOK_WAIT)
  long waitMillis;

  /** The least time between two looks at one invoice. */
  public Duration spacing() {
    return Duration.ofMillis(spacingMillis);
  }

  /** The most looks per user and second; 0: none. */
  public int perSecond() {
    return perSecond;
  }

  /** How long a read waits for its look. */
  public Duration waitFor() {
    return Duration.ofMillis(waitMillis);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.wholeNumberBetween(INVOICE_LOOK_SPACING, 50, 60_000);
    check.wholeNumberBetween(INVOICE_LOOK_PER_SECOND, 0, 100);
    check.wholeNumberBetween(INVOICE_LOOK_WAIT, 0, 10_000);
  }
}
