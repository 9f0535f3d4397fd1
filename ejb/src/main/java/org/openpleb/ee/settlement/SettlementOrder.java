package org.openpleb.ee.settlement;

import java.util.Objects;
import org.openpleb.ee.pricing.PriceQuote;

/**
 * What a settlement needs to know about an ended offer: how it ended, its frozen amounts, where the
 * maker's escrow and the taker's bond are held, and where the platform's share goes.
 *
 * @param offerId the offer
 * @param outcome how it ended
 * @param terms its frozen amounts S, P, T and B
 * @param maker the maker's escrow, or null when nothing was funded
 * @param makerWalletId the maker's wallet, which receives the maker's share
 * @param taker the taker's bond, or null when nobody claimed
 * @param treasuryWalletId the platform's wallet
 */
public record SettlementOrder(
    String offerId,
    Outcome outcome,
    PriceQuote terms,
    Hold maker,
    String makerWalletId,
    Hold taker,
    String treasuryWalletId) {

  /**
   * Requires a maker hold for everything but NOTHING_HELD and a taker bond for claimed outcomes.
   */
  public SettlementOrder {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(makerWalletId, "makerWalletId");
    Objects.requireNonNull(treasuryWalletId, "treasuryWalletId");
    if (outcome != Outcome.NOTHING_HELD && maker == null) {
      throw new IllegalArgumentException(outcome + " needs the maker's escrow");
    }
    if (outcome.claimed() && taker == null) {
      throw new IllegalArgumentException(outcome + " needs the taker's bond");
    }
  }
}
