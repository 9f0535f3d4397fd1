package org.openpleb.ee.web.offer;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.openpleb.ee.offer.Offer;
import org.openpleb.ee.offer.OfferView;
import org.openpleb.ee.offer.PartyView;
import org.openpleb.ee.offer.Trading;

/**
 * Turns offers into the API's one offer representation: the public fields for anyone, everything
 * with the caller's role and the settlement for a party or the admin.
 */
@ApplicationScoped
public class OfferMapper {

  @EJB Trading trading;

  /** What anyone may see of {@code offer}. */
  public OfferRepresentation open(Offer offer) {
    return OfferRepresentation.open(OfferView.of(offer));
  }

  /** What {@code role} sees of {@code offer}, with its settlement once the trade ended. */
  public OfferRepresentation forParty(Offer offer, PartyRole role) {
    // a settlement is opened in the transaction that gives the offer its outcome: without an
    // outcome there is none to look up
    SettlementView settlement =
        offer.outcome().isPresent()
            ? trading.settlement(offer.id()).map(SettlementView::of).orElse(null)
            : null;
    return OfferRepresentation.forParty(PartyView.of(offer), role, settlement);
  }
}
