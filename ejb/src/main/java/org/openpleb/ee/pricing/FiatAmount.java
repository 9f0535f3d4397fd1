package org.openpleb.ee.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of fiat money in the currency's minor units (cents for EUR, won for KRW, which has no
 * minor unit), as the maker's bank QR code asks for it.
 *
 * @param minorUnits the amount, at least 1
 * @param currency the ISO 4217 currency
 */
public record FiatAmount(long minorUnits, Currency currency) {

  private static final BigDecimal SATS_PER_BTC = BigDecimal.valueOf(100_000_000L);

  /** Rejects amounts below one minor unit. */
  public FiatAmount {
    Objects.requireNonNull(currency, "currency");
    if (minorUnits <= 0) {
      throw new IllegalArgumentException("minorUnits must be positive");
    }
  }

  /**
   * The sats this amount is worth at {@code btcPrice}: S = ceil(1e8 × amount / price), exact.
   * OpenPleb computes the same formula in doubles, which can differ by one sat in rare cases; the
   * exact rational value rounded up never undercharges the maker.
   *
   * @param btcPrice fiat major units per bitcoin, e.g. {@code 150000000} KRW
   */
  public long toSats(BigDecimal btcPrice) {
    Objects.requireNonNull(btcPrice, "btcPrice");
    if (btcPrice.signum() <= 0) {
      throw new IllegalArgumentException("btcPrice must be positive");
    }
    BigDecimal major = BigDecimal.valueOf(minorUnits).movePointLeft(minorDigits());
    return SATS_PER_BTC.multiply(major).divide(btcPrice, 0, RoundingMode.CEILING).longValueExact();
  }

  /** True when this amount is above {@code maxMajorUnits} whole units of its currency. */
  public boolean exceeds(long maxMajorUnits) {
    BigDecimal major = BigDecimal.valueOf(minorUnits).movePointLeft(minorDigits());
    return major.compareTo(BigDecimal.valueOf(maxMajorUnits)) > 0;
  }

  private int minorDigits() {
    // Pseudo-currencies such as XXX report -1: treat them as having no minor unit.
    return Math.max(0, currency.getDefaultFractionDigits());
  }
}
