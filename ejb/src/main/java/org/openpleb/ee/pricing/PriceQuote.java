package org.openpleb.ee.pricing;

/**
 * What an offer of {@code sats} costs under a fee schedule (OpenPleb spec §5): the maker funds the
 * sats, both fees and the maker's bond in one payment; the taker posts a bond of the same size.
 *
 * @param sats S, the sats equivalent of the fiat amount
 * @param platformFee P, kept by the platform
 * @param takerFee T, paid to the taker on completion
 * @param bond B, the bond each party posts
 */
public record PriceQuote(long sats, long platformFee, long takerFee, long bond) {

  /** F = S + P + T + B, what the maker's invoice or token must carry. */
  public long makerFunding() {
    return Math.addExact(Math.addExact(sats, platformFee), Math.addExact(takerFee, bond));
  }

  /** The taker's bond, equal to the maker's. */
  public long takerBond() {
    return bond;
  }
}
