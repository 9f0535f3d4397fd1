package org.openpleb.ee.pricing;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A feed that asks a second feed whenever the first gives no price (OpenPleb: blockchain.info, then
 * Coinbase). Unlike OpenPleb's sticky flag, the first feed is asked again every time, so a
 * temporary gap in its list does not bind the platform to the fallback forever. Switching to and
 * from the fallback is logged once each way.
 */
public final class FallbackPriceFeed implements PriceFeed {

  private static final Logger LOG = Logger.getLogger(FallbackPriceFeed.class.getName());

  private final PriceFeed primary;
  private final PriceFeed fallback;
  private final AtomicBoolean onFallback = new AtomicBoolean();

  /** Asks {@code primary} first and {@code fallback} when it fails. */
  public FallbackPriceFeed(PriceFeed primary, PriceFeed fallback) {
    this.primary = Objects.requireNonNull(primary, "primary");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  @Override
  public String name() {
    return primary.name() + "+" + fallback.name();
  }

  @Override
  public PriceReading fetch() throws PriceFeedException {
    PriceFeedException primaryFailure;
    try {
      PriceReading reading = primary.fetch();
      if (onFallback.compareAndSet(true, false)) {
        LOG.log(Level.INFO, "Price feed {0} answers again", primary.name());
      }
      return reading;
    } catch (PriceFeedException e) {
      primaryFailure = e;
    }
    try {
      PriceReading reading = fallback.fetch();
      if (onFallback.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "Price feed {0} gave no price ({1}); using {2} until it does",
            new Object[] {primary.name(), primaryFailure.getMessage(), fallback.name()});
      }
      return reading;
    } catch (PriceFeedException e) {
      e.addSuppressed(primaryFailure);
      throw new PriceFeedException(
          primaryFailure.getMessage() + "; fallback: " + e.getMessage(), e);
    }
  }
}
