package org.openpleb.ee.events;

import java.time.Instant;

/**
 * The data of a private {@code trade} event: a trade the receiving session is a party to changed.
 *
 * @param offerId the offer
 * @param previousState its state before, or null for a new offer
 * @param state its state now
 * @param at when it changed
 * @param role the receiver's part in the trade: {@code MAKER} or {@code TAKER}
 * @param offer the parties' view of the offer (the public view when trading gave none)
 */
public record TradeChange(
    String offerId, String previousState, String state, Instant at, String role, Object offer) {}
