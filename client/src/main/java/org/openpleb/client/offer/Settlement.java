package org.openpleb.client.offer;

import java.time.OffsetDateTime;

/**
 * How an ended trade is paid out: the payout-table amounts and whether every transfer is done.
 *
 * @param outcome the payout-table row
 * @param state {@code PENDING} while transfers remain, then {@code DONE}
 * @param makerAmount sats for the maker, before mint fees
 * @param takerAmount sats for the taker, before mint fees
 * @param platformAmount sats for the platform
 * @param mintFees fees the mint charged for the transfers, once done
 * @param completedAt when the last transfer finished; absent until then
 */
public record Settlement(
    Outcome outcome,
    State state,
    Long makerAmount,
    Long takerAmount,
    Long platformAmount,
    Long mintFees,
    OffsetDateTime completedAt) {

  /** Whether a settlement still has work. */
  public enum State {
    /** Transfers remain; the server works them off by itself. */
    PENDING,
    /** Every transfer is done. */
    DONE
  }
}
