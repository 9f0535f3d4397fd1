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
    if (btcPrice == null || btcPrice.signum() <= 0) {
      throw new DomainException(ProblemCode.VALIDATION_FAILED, "btcPrice must be positive");
    }
    FiatAmount amount = new FiatAmount(fiatMinorUnits, platform.currency());
    if (amount.exceeds(pricing.maxFiatAmount())) {
      throw new DomainException(
          ProblemCode.VALIDATION_FAILED,
          "fiatAmount exceeds the maximum of "
              + pricing.maxFiatAmount()
              + " "
              + platform.currency().getCurrencyCode());
    }
    // A positive amount rounds up to at least one sat, so the schedule always has a price.
    return pricing.feeSchedule().price(amount.toSats(btcPrice));
  }
}
