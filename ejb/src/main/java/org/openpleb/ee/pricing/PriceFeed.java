package org.openpleb.ee.pricing;

/**
 * A source of the bitcoin price in the platform currency: a fixed rate, or an exchange's public
 * ticker. Feeds do not cache; {@link PriceCache} decides when to ask.
 */
public interface PriceFeed {

  /** The feed's name as prices report it, e.g. {@code upbit}. */
  String name();

  /**
   * Asks the feed for the current price.
   *
   * @throws PriceFeedException when the feed cannot be reached, answers with an error status, or
   *     its answer has no usable price for the currency
   */
  PriceReading fetch() throws PriceFeedException;
}
