package org.openpleb.ee.events;

import java.time.Instant;

/**
 * The data of a public {@code offer} event: an offer in the order book changed. Carries the order
 * book's public view of the offer and nothing else about its parties.
 *
 * @param offerId the offer
 * @param previousState its state before, or null for a new offer
 * @param state its state now
 * @param at when it changed
 * @param offer the order book's public view of the offer
 */
public record OrderBookChange(
    String offerId, String previousState, String state, Instant at, Object offer) {}
