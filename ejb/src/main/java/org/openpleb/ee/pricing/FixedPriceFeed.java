package org.openpleb.ee.pricing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A price set by the operator rather than a market: for demos, tests and offline quick starts. It
 * never fails, and it is never a market price, which the platform says loudly.
 */
public final class FixedPriceFeed implements PriceFeed {

  /** The name fixed prices report. */
  public static final String NAME = "fixed";

  private final PriceReading reading;

  /** A feed that always answers {@code fiatPerBtc}. */
  public FixedPriceFeed(BigDecimal fiatPerBtc) {
    this.reading = new PriceReading(Objects.requireNonNull(fiatPerBtc, "fiatPerBtc"), NAME);
  }

  /**
   * OpenPleb's bootstrap price for {@code currency} (spec §5.1): 150 000 000 KRW, 15 000 000 JPY,
   * and 100 000 of any other currency. The fixed price used while {@code OPENPLEB_PRICE_FIXED} is
   * unset, so the spec's worked example holds out of the box.
   */
  public static BigDecimal bootstrapPrice(Currency currency) {
    return switch (currency.getCurrencyCode()) {
      case "KRW" -> BigDecimal.valueOf(150_000_000L);
      case "JPY" -> BigDecimal.valueOf(15_000_000L);
      default -> BigDecimal.valueOf(100_000L);
    };
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PriceReading fetch() {
    return reading;
  }
}
