package org.openpleb.ee.web.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import org.openpleb.ee.pricing.BtcPrice;
import org.openpleb.ee.pricing.PriceFeedConfig;

/**
 * The bitcoin price as clients receive it.
 *
 * @param currency ISO 4217 code
 * @param fiatPerBtc whole units of {@code currency} per bitcoin, exact
 * @param fetchedAt when the feed gave this price
 * @param source the feed that gave it: {@code fixed}, {@code upbit}, {@code blockchain.info} or
 *     {@code coinbase}
 * @param fixed true when the operator fixed the price instead of taking a market price
 * @param warning why a fixed price is not a market price; absent for market prices
 */
public record PriceView(
    String currency,
    BigDecimal fiatPerBtc,
    Instant fetchedAt,
    String source,
    boolean fixed,
    String warning) {

  static PriceView of(BtcPrice price, boolean fixed) {
    return new PriceView(
        price.currency(),
        price.fiatPerBtc(),
        price.fetchedAt(),
        price.source(),
        fixed,
        fixed ? PriceFeedConfig.FIXED_WARNING : null);
  }
}
