package org.openpleb.ee.web.events;

import java.time.Instant;
import java.util.Map;
import org.openpleb.ee.events.OfferStateChange;

/** An offer change as trading fires it, made up by the ITs' test support. */
public record TestOfferChanged(
    String offerId,
    String previousState,
    String newState,
    Map<String, Object> publicView,
    String makerPubkey,
    String takerPubkey,
    Instant at)
    implements OfferStateChange {}
