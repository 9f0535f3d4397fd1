package org.openpleb.ee.web.platform;

import java.math.BigDecimal;
import org.openpleb.ee.platform.DatabaseConfig;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.pricing.Fee;
import org.openpleb.ee.pricing.FeeSchedule;
import org.openpleb.ee.pricing.PriceFeedConfig;
import org.openpleb.ee.pricing.PriceSource;
import org.openpleb.ee.pricing.PricingConfig;
import org.openpleb.ee.session.SessionConfig;
import org.openpleb.ee.wallet.WalletConfig;

/**
 * The platform's public self-description, as {@code GET /api/info} returns it.
 *
 * @param version the build's version
 * @param currency ISO 4217 code every offer is priced in
 * @param maxFiatAmount largest offer, whole units of {@code currency}, inclusive
 * @param fees what the maker pays on top of the offer's sats
 * @param bond what each party posts while a trade runs
 * @param mint the Cashu mint holding the platform's ecash
 * @param limits capacity limits in force
 * @param price where the bitcoin price offers are created at comes from
 */
public record PlatformInfo(
    String version,
    String currency,
    long maxFiatAmount,
    Fees fees,
    Charge bond,
    Mint mint,
    Limits limits,
    Price price) {

  /**
   * A charge of a percentage of the offer's sats (rounded up) plus a flat number of sats.
   *
   * @param percentage percent of the offer's sats
   * @param flatSats fixed sats added
   */
  public record Charge(BigDecimal percentage, long flatSats) {
    static Charge of(Fee fee) {
      return new Charge(fee.percentage(), fee.flatSats());
    }
  }

  /**
   * The two fees a maker pays.
   *
   * @param platform kept by the platform
   * @param taker paid to the taker who completes the trade
   */
  public record Fees(Charge platform, Charge taker) {}

  /**
   * The mint in use.
   *
   * @param url its base URL
   * @param devMint true while no mint is configured and the development mint stands in
   * @param warning why the configuration is unsafe for real funds; absent when it is not
   */
  public record Mint(String url, boolean devMint, String warning) {}

  /**
   * The bitcoin price's source.
   *
   * @param source {@code fixed}, {@code upbit} or {@code blockchain} (OPENPLEB_PRICE_SOURCE)
   * @param fixed true while offers are priced at a fixed rate rather than a market price
   * @param warning why a fixed price is unsafe for real trades; absent for market prices
   */
  public record Price(String source, boolean fixed, String warning) {
    static Price of(PriceFeedConfig feed) {
      boolean fixed = feed.source() == PriceSource.FIXED;
      return new Price(feed.source().key(), fixed, fixed ? PriceFeedConfig.FIXED_WARNING : null);
    }
  }

  /**
   * Capacity limits, under the capacity analysis' names.
   *
   * @param sessionExpirySeconds maximum session lifetime
   * @param sessionLimit maximum live sessions
   * @param walletCacheSize maximum open wallet handles
   * @param walletCleanupIntervalMillis period of the wallet cleanup timer
   * @param databasePoolSize maximum pooled database connections
   * @param databasePoolMin pooled connections kept while idle
   * @param databasePoolIdleTimeoutMillis idle time before a pooled connection closes
   */
  public record Limits(
      long sessionExpirySeconds,
      int sessionLimit,
      int walletCacheSize,
      long walletCleanupIntervalMillis,
      int databasePoolSize,
      int databasePoolMin,
      long databasePoolIdleTimeoutMillis) {}

  /** Describes the platform as its settings configure it. */
  public static PlatformInfo describe(
      PlatformConfig platform,
      PricingConfig pricing,
      SessionConfig sessions,
      WalletConfig wallets,
      DatabaseConfig database,
      PriceFeedConfig priceFeed) {
    FeeSchedule schedule = pricing.feeSchedule();
    return new PlatformInfo(
        platform.version(),
        platform.currency().getCurrencyCode(),
        pricing.maxFiatAmount(),
        new Fees(Charge.of(schedule.platform()), Charge.of(schedule.taker())),
        Charge.of(schedule.bond()),
        new Mint(
            platform.mintUrl(),
            platform.devMint(),
            platform.devMint() ? PlatformConfig.DEV_MINT_WARNING : null),
        new Limits(
            sessions.expiry().toSeconds(),
            sessions.limit(),
            wallets.cacheSize(),
            wallets.cleanupInterval().toMillis(),
            database.poolSize(),
            database.poolMin(),
            database.poolIdleTimeout().toMillis()),
        Price.of(priceFeed));
  }
}
