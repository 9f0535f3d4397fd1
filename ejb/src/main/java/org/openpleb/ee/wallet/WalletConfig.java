package org.openpleb.ee.wallet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openpleb.cashu.wallet.WalletLimits;
import org.openpleb.ee.platform.ConfigCheck;
import org.openpleb.ee.platform.SettingsRule;

/**
 * Where session wallets live, how many may be open at once, how long a request waits for a handle,
 * how often idle handles are closed, how often open Lightning deposits are checked and how often
 * tokens in flight are checked with the mint. Each key is also its environment variable.
 */
@ApplicationScoped
public class WalletConfig implements SettingsRule {

  /** Maximum open wallet handles. */
  public static final String WALLET_CACHE_SIZE = "WALLET_CACHE_SIZE";

  /** Period of the cleanup timer, milliseconds. */
  public static final String WALLET_CLEANUP_INTERVAL = "WALLET_CLEANUP_INTERVAL";

  /** Folder of the wallet files, relative to the working directory unless absolute. */
  public static final String WALLET_DIR = "WALLET_DIR";

  /** How long an unused handle stays open, milliseconds. */
  public static final String WALLET_IDLE_TIMEOUT = "WALLET_IDLE_TIMEOUT";

  /** How long a request waits for a handle when every open one is in use, milliseconds. */
  public static final String WALLET_PIN_WAIT_MS = "WALLET_PIN_WAIT_MS";

  /** How often the deposit watcher looks for deposits due for a check, milliseconds. */
  public static final String WALLET_DEPOSIT_POLL_INTERVAL = "WALLET_DEPOSIT_POLL_INTERVAL";

  /** Period of the in-flight sweep, milliseconds. */
  public static final String WALLET_INFLIGHT_SWEEP_INTERVAL = "WALLET_INFLIGHT_SWEEP_INTERVAL";

  /** The most sats one token may carry and one wallet operation may move. */
  public static final String WALLET_MAX_TOKEN_SATS = "WALLET_MAX_TOKEN_SATS";

  /** The most proofs one token may hold. */
  public static final String WALLET_MAX_TOKEN_PROOFS = "WALLET_MAX_TOKEN_PROOFS";

  /** The master secret wallet seeds derive from (hex, at least 32 bytes); no default. */
  public static final String OPENPLEB_MASTER_SEED = "OPENPLEB_MASTER_SEED";

  /** Where a generated master secret is kept while {@link #OPENPLEB_MASTER_SEED} is unset. */
  public static final String OPENPLEB_MASTER_SEED_FILE = "OPENPLEB_MASTER_SEED_FILE";

  @Inject
  @ConfigProperty(name = WALLET_CACHE_SIZE)
  int cacheSize;

  @Inject
  @ConfigProperty(name = WALLET_CLEANUP_INTERVAL)
  long cleanupIntervalMillis;

  @Inject
  @ConfigProperty(name = WALLET_DIR)
  String directory;

  @Inject
  @ConfigProperty(name = WALLET_IDLE_TIMEOUT)
  long idleTimeoutMillis;

  @Inject
  @ConfigProperty(name = WALLET_PIN_WAIT_MS)
  long pinWaitMillis;

  @Inject
  @ConfigProperty(name = WALLET_DEPOSIT_POLL_INTERVAL)
  long depositPollMillis;

  @Inject
  @ConfigProperty(name = WALLET_INFLIGHT_SWEEP_INTERVAL)
  long inflightSweepMillis;

  @Inject
  @ConfigProperty(name = WALLET_MAX_TOKEN_SATS)
  long maxTokenSats;

  @Inject
  @ConfigProperty(name = WALLET_MAX_TOKEN_PROOFS)
  int maxTokenProofs;

  @Inject
  @ConfigProperty(name = OPENPLEB_MASTER_SEED)
  Optional<String> masterSeed;

  @Inject
  @ConfigProperty(name = OPENPLEB_MASTER_SEED_FILE)
  String masterSeedFile;

  /** The most wallet handles kept open; the least recently used idle one is closed first. */
  public int cacheSize() {
    return cacheSize;
  }

  /** How often the cleanup timer closes idle handles and expired sessions. */
  public Duration cleanupInterval() {
    return Duration.ofMillis(cleanupIntervalMillis);
  }

  /** The folder holding one SQLite file per wallet. */
  public Path directory() {
    return Path.of(directory.trim());
  }

  /** How long a handle nobody uses stays open before the cleanup timer closes it. */
  public Duration idleTimeout() {
    return Duration.ofMillis(idleTimeoutMillis);
  }

  /** How long a request waits for a wallet handle before it is told to retry (503). */
  public Duration pinWait() {
    return Duration.ofMillis(pinWaitMillis);
  }

  /** How often open Lightning deposits are looked at (each is checked with a growing backoff). */
  public Duration depositPollInterval() {
    return Duration.ofMillis(depositPollMillis);
  }

  /** How often wallets counting sats in flight ask the mint which of their tokens were redeemed. */
  public Duration inflightSweepInterval() {
    return Duration.ofMillis(inflightSweepMillis);
  }

  /**
   * What every wallet accepts from a token and moves in one operation: a token above these is
   * refused (400 TOKEN_INVALID) before any work is done for it.
   */
  public WalletLimits limits() {
    return new WalletLimits(maxTokenSats, maxTokenProofs);
  }

  /** The configured master secret as hex text; a secret, never to be logged. */
  public Optional<String> masterSeedHex() {
    return masterSeed.filter(text -> !text.isBlank());
  }

  /** The file a generated master secret is kept in. */
  public Path masterSeedFile() {
    return Path.of(masterSeedFile.trim());
  }

  /**
   * Declares the rules for this feature's settings. The master secret is checked when the wallet
   * registry starts, with a message that never quotes it; a blank WALLET_DIR or seed file counts as
   * missing and fails injection.
   */
  @Override
  public void declare(ConfigCheck check) {
    check.positiveInt(WALLET_CACHE_SIZE);
    check.positiveLong(WALLET_CLEANUP_INTERVAL);
    check.positiveLong(WALLET_IDLE_TIMEOUT);
    check.nonNegativeLong(WALLET_PIN_WAIT_MS);
    check.positiveLong(WALLET_DEPOSIT_POLL_INTERVAL);
    check.positiveLong(WALLET_INFLIGHT_SWEEP_INTERVAL);
    check.wholeNumberBetween(WALLET_MAX_TOKEN_SATS, 1, WalletLimits.BITCOIN_SUPPLY_SATS);
    check.wholeNumberBetween(WALLET_MAX_TOKEN_PROOFS, 1, WalletLimits.DEFAULT_MAX_TOKEN_PROOFS);
  }
}
