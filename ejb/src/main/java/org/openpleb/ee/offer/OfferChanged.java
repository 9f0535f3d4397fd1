package org.openpleb.ee.offer;

import java.time.Instant;
import java.util.Objects;
import org.openpleb.ee.events.OfferStateChange;

/**
 * CDI event: an offer changed state. Fired inside the transaction that changed it; the live event
 * stream observes it {@code AFTER_SUCCESS}, so nothing is announced that did not commit. The public
 * view is present only while the change concerns the order book (the offer enters or leaves it);
 * the party view goes to the maker and the taker alone.
 *
 * @param offerId the offer
 * @param previousState its state before, or null for a new offer
 * @param newState its state now
 * @param publicView its public fields, when the order book changed; else null
 * @param makerPubkey the maker's key
 * @param takerPubkey the taker's key, or null before a claim
 * @param at when the transition happened
 * @param partyView what the parties see after the change
 */
public record OfferChanged(
    String offerId,
    String previousState,
    String newState,
    OfferView publicView,
    String makerPubkey,
    String takerPubkey,
    Instant at,
    PartyView partyView)
    implements OfferStateChange {

  /** Requires the offer, its new state, the maker, the time and the party view. */
  public OfferChanged {
    Objects.requireNonNull(offerId, "offerId");
    Objects.requireNonNull(newState, "newState");
    Objects.requireNonNull(makerPubkey, "makerPubkey");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(partyView, "partyView");
  }

  /** The event for {@code offer} after it moved from {@code previous} (null when new). */
  public static OfferChanged of(Offer offer, OfferState previous) {
    boolean inBook = offer.status() == OfferState.INVOICE_PAID;
    boolean leftBook = previous == OfferState.INVOICE_PAID;
    return new OfferChanged(
        offer.id(),
        previous == null ? null : previous.name(),
        offer.status().name(),
        inBook || leftBook ? OfferView.of(offer) : null,
        offer.makerPubkey(),
        offer.takerPubkey().orElse(null),
        offer.stateEnteredAt().toInstant(),
        PartyView.of(offer));
  }
}
