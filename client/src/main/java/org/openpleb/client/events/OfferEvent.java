package org.openpleb.client.events;

import java.time.Instant;
import org.openpleb.client.offer.Offer;
import org.openpleb.client.offer.OfferState;
import org.openpleb.client.offer.Role;

/**
 * The data of an {@code offer} or {@code trade} event: an offer changed state.
 *
 * @param offerId the offer
 * @param previousState its state before, or {@code null} for a new offer
 * @param state its state now
 * @param at when it changed
 * @param role the receiver's part in the trade ({@code trade} events only)
 * @param offer the offer after the change: the public fields, or the parties' view on a {@code
 *     trade} event
 */
public record OfferEvent(
    String offerId,
    OfferState previousState,
    OfferState state,
    Instant at,
    Role role,
    Offer offer) {}
