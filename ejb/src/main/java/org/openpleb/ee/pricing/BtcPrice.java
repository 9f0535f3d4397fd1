package org.openpleb.ee.pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The price of one bitcoin in the platform's fiat currency, as a price feed reported it: what
 * offers are priced at when they are created.
 *
 * @param currency ISO 4217 code, e.g. {@code KRW}
 * @param fiatPerBtc whole currency units per bitcoin, exact as the feed reported it (no rounding)
 * @param fetchedAt when the feed was asked
 * @param source the feed that answered: {@code fixed}, {@code upbit}, {@code blockchain.info} or
 *     {@code coinbase}
 */
public record BtcPrice(String currency, BigDecimal fiatPerBtc, Instant fetchedAt, String source) {

  /** Requires every part and a positive price. */
  public BtcPrice {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(fiatPerBtc, "fiatPerBtc");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(source, "source");
    if (fiatPerBtc.signum() <= 0) {
      throw new IllegalArgumentException("fiatPerBtc must be positive");
    }
  }

  /** How old this price is at {@code now}; never negative. */
  public Duration age(Instant now) {
    Duration age = Duration.between(fetchedAt, now);
    return age.isNegative() ? Duration.ZERO : age;
  }
}
