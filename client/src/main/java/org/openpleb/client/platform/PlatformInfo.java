package org.openpleb.client.platform;

import java.math.BigDecimal;

/**
 * The platform as it is configured right now.
 *
 * @param version the build's version
 * @param currency ISO 4217 code every offer is priced in
 * @param maxFiatAmount largest offer, whole units of {@code currency}, inclusive
 * @param fees what the maker pays on top of the offer's sats
 * @param bond what each party posts while a trade runs
 * @param mint the Cashu mint holding the platform's ecash
 * @param limits capacity limits in force
 * @param price where the bitcoin price comes from
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
   * A percentage of the offer's sats (rounded up) plus flat sats.
   *
   * @param percentage percent of the offer's sats
   * @param flatSats fixed sats added
   */
  public record Charge(BigDecimal percentage, long flatSats) {}

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
   * @param devMint true while the development mint stands in
   * @param warning why the configuration is unsafe for real funds; absent when it is not
   */
  public record Mint(String url, boolean devMint, String warning) {}

  /**
   * The bitcoin price's source.
   *
   * @param source {@code fixed}, {@code upbit} or {@code blockchain}
   * @param fixed true while offers are priced at a fixed rate
   * @param warning why a fixed price is unsafe for real trades; absent for market prices
   */
  public record Price(String source, boolean fixed, String warning) {}

  /**
   * Capacity limits.
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
}
