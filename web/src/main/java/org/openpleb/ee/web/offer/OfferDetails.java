package org.openpleb.ee.web.offer;

import org.openpleb.ee.offer.Offer;
import org.openpleb.ee.offer.PartyView;
import org.openpleb.ee.settlement.Settlement;

/**
 * An offer as a party or the admin sees it, with how its settlement went once the trade ended.
 *
 * @param offer the party view
 * @param role {@code MAKER}, {@code TAKER} or {@code ADMIN}
 * @param settlement the settlement, once there is one
 */
public record OfferDetails(PartyView offer, String role, SettlementView settlement) {

  static OfferDetails of(Offer offer, String role, Settlement settlement) {
    return new OfferDetails(
        PartyView.of(offer), role, settlement == null ? null : SettlementView.of(settlement));
  }
}
