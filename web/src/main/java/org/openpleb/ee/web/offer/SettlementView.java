package org.openpleb.ee.web.offer;

import java.time.OffsetDateTime;
import org.openpleb.ee.settlement.Settlement;

/**
 * How an ended trade is paid out: the payout-table amounts and whether every transfer is done.
 *
 * @param outcome the payout-table row
 * @param state {@code PENDING} while transfers remain, then {@code DONE}
 * @param makerAmount sats for the maker, before mint fees
 * @param takerAmount sats for the taker, before mint fees
 * @param platformAmount sats for the platform
 * @param mintFees fees the mint charged for the transfers, once done
 * @param completedAt when the last transfer finished
 */
public record SettlementView(
    String outcome,
    String state,
    long makerAmount,
    long takerAmount,
    long platformAmount,
    long mintFees,
    OffsetDateTime completedAt) {

  static SettlementView of(Settlement s) {
    return new SettlementView(
        s.outcome().name(),
        s.state().name(),
        s.payout().maker(),
        s.payout().taker(),
        s.payout().platform(),
        s.mintFees(),
        s.completedAt().orElse(null));
  }
}
