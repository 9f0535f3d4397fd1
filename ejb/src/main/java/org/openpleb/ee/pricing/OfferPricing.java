package org.openpleb.ee.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.openpleb.ee.platform.DomainException;
import org.openpleb.ee.platform.PlatformConfig;
import org.openpleb.ee.platform.ProblemCode;

/**
 * Prices offers with the fee schedule in force: what a maker will pay and what a taker must bond
 * for a fiat amount at a given bitcoin price.
 */
@ApplicationScoped
public class OfferPricing {

  /** Most significant digits, and most decimal places in any notation, of a price. */
  static final int MAX_PRICE_DIGITS = 30;

  /** Most decimal places of a price once trailing zeros are dropped. */
  static final int MAX_PRICE_DECIMALS = 8;

  /** The highest bitcoin price in whole currency units (far above any real one). */
  static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000000");

  @Inject PricingConfig pricing;

  @Inject PlatformConfig platform;

  /**
   * Quotes an offer of {@code fiatMinorUnits} in the platform currency at {@code btcPrice}.
   *
   * @throws DomainException VALIDATION_FAILED when the amount or price is not positive, or the
   *     amount exceeds {@code OPENPLEB_MAX_FIAT_AMOUNT}
   */
  public PriceQuote quote(long fiatMinorUnits, BigDecimal btcPrice) {
    if (fiatMinorUnits <= 0) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "fiatAmount must be positive");
    }
    checkPrice(btcPrice);
    FiatAmount amount = new FiatAmount(fiatMinorUnits, platform.currency());
    if (amount.exceeds(pricing.maxFiatAmount())) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "fiatAmount exceeds the maximum of "
              + pricing.maxFiatAmount()
              + " "
              + platform.currency().getCurrencyCode());
    }
    long sats;
    try {
      sats = amount.toSats(btcPrice);
    } catch (ArithmeticException tooMany) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "btcPrice is too low to price fiatAmount in sats");
    }
    // A positive amount rounds up to at least one sat, so the schedule always has a price.
    return pricing.feeSchedule().price(sats);
  }

  /**
   * Refuses a price whose size alone could make the arithmetic slow or overflow: the quote is
   * unauthenticated, so its digits, decimal places and magnitude are bounded before any division.
   * Checking precision and scale first keeps {@code stripTrailingZeros} cheap.
   */
  static void checkPrice(BigDecimal btcPrice) {
    if (btcPrice == null || btcPrice.signum() <= 0) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "btcPrice must be positive");
    }
    if (btcPrice.precision() > MAX_PRICE_DIGITS
        || Math.abs((long) btcPrice.scale()) > MAX_PRICE_DIGITS) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "btcPrice must have at most " + MAX_PRICE_DIGITS + " digits");
    }
    BigDecimal price = btcPrice.stripTrailingZeros();
    if (price.scale() > MAX_PRICE_DECIMALS) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "btcPrice must have at most " + MAX_PRICE_DECIMALS + " decimal places");
    }
    if (price.compareTo(MAX_PRICE) > 0) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED, "btcPrice must be at most " + MAX_PRICE.toPlainString());
    }
  }
}
