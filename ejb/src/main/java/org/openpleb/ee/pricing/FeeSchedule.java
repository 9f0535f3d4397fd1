package org.openpleb.ee.pricing;

import java.util.Objects;

/**
 * The platform fee, taker fee and bond in force; frozen onto an offer when it is created.
 *
 * @param platform kept by the platform
 * @param taker paid by the maker to the taker
 * @param bond posted by each party
 */
public record FeeSchedule(Fee platform, Fee taker, Fee bond) {

  /** Requires all three charges. */
  public FeeSchedule {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(taker, "taker");
    Objects.requireNonNull(bond, "bond");
  }

  /** Prices an offer worth {@code sats}; every percentage part is rounded up to a whole sat. */
  public PriceQuote price(long sats) {
    if (sats <= 0) {
      throw new IllegalArgumentException("sats must be positive");
    }
    return new PriceQuote(sats, platform.of(sats), taker.of(sats), bond.of(sats));
  }
}
