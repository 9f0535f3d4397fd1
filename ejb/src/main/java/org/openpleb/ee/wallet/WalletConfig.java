package org.openpleb.ee.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.ee.platform.ConfigCheck;

/** How many session wallets may be open at once and how often idle ones are closed. */
@ApplicationScoped
public class WalletConfig {

  /** Maximum open wallet handles. */
  public static final String WALLET_CACHE_SIZE = "WALLET_CACHE_SIZE";

  /** Period of the cleanup timer, milliseconds. */
  public static final String WALLET_CLEANUP_INTERVAL = "WALLET_CLEANUP_INTERVAL";

  @Inject
  @ConfigProperty(name = WALLET_CACHE_SIZE)
  int cacheSize;

  @Inject
  @ConfigProperty(name = WALLET_CLEANUP_INTERVAL)
  long cleanupIntervalMillis;

  /** The most wallet handles kept open; the least recently used idle one is closed first. */
  public int cacheSize() {
    return cacheSize;
  }

  /** How often the cleanup timer closes idle handles and expired sessions. */
  public Duration cleanupInterval() {
    return Duration.ofMillis(cleanupIntervalMillis);
  }

  /** Declares the rules for this feature's settings. */
  public static void validate(ConfigCheck check) {
    check.positiveInt(WALLET_CACHE_SIZE);
    check.positiveLong(WALLET_CLEANUP_INTERVAL);
  }
}
