package org.openpleb.ee.settlement;

import java.time.Duration;
import java.util.Objects;

/**
 * CDI event: every step of an offer's settlement is done. Fired inside the transaction that marks
 * it DONE, so the offer's audit log records it atomically with it.
 *
 * @param offerId the offer
 * @param outcome how the trade ended
 * @param payout who was to get what, before mint fees
 * @param makerReceived sats that ended in the maker's spendable balance
 * @param takerReceived sats that ended in the taker's spendable balance
 * @param platformReceived sats that ended in the treasury
 * @param mintFees fees the mint charged for the transfers
 * @param took from the end of the trade to the end of its settlement
 */
public record SettlementCompleted(
    String offerId,
    Outcome outcome,
    Payout payout,
    long makerReceived,
    long takerReceived,
    long platformReceived,
    long mintFees,
    Duration took) {

  /** Requires the offer, outcome and payout. */
  public SettlementCompleted {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(payout, "payout");
    Objects.requireNonNull(took, "took");
  }
}
