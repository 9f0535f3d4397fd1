package org.openpleb.ee.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * How the watchers subscribe to the states of their unpaid invoices over NUT-17 WebSockets ({@link
 * QuoteNotifications}): the most invoices watched that way at once (0 turns subscriptions off), and
 * the longest wait before a lost socket is opened again. Each key is also its environment variable.
 */
@ApplicationScoped
public class QuoteSubscriptionConfig implements SettingsRule {

  /** The most unpaid invoices subscribed to at once; 0 turns NUT-17 subscriptions off. */
  public static final String MINT_SUBSCRIPTIONS = "MINT_SUBSCRIPTIONS";

  /** The longest wait before a lost socket to the mint is opened again, milliseconds. */
  public static final String MINT_SUBSCRIPTION_BACKOFF_MAX = "MINT_SUBSCRIPTION_BACKOFF_MAX";

  @Inject
  @ConfigProperty(name = MINT_SUBSCRIPTIONS)
  int max;

  @Inject
  @ConfigProperty(name = MINT_SUBSCRIPTION_BACKOFF_MAX)
  long backoffMaxMillis;

  /** The most invoices subscribed to at once; 0: none. */
  public int max() {
    return max;
  }

  /** The longest wait before reopening a lost socket. */
  public Duration backoffMax() {
    return Duration.ofMillis(backoffMaxMillis);
  }

  /** Declares the rules for this feature's settings. */
  @Override
  public void declare(ConfigCheck check) {
    check.wholeNumberBetween(MINT_SUBSCRIPTIONS, 0, 100_000);
    check.wholeNumberBetween(MINT_SUBSCRIPTION_BACKOFF_MAX, 1_000, 600_000);
  }
}
