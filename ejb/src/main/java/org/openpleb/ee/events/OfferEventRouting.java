package org.openpleb.ee.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides who hears what about an offer's change: everyone gets the order book's public view (when
 * trading gave one), the maker and the taker each get a private {@code trade} event naming their
 * role. Pubkeys decide the audience and are never copied into an event.
 */
public final class OfferEventRouting {

  /** SSE event name of public order-book changes. */
  public static final String OFFER = "offer";

  /** SSE event name of a party's private trade changes. */
  public static final String TRADE = "trade";

  /** An event to deliver: to whom, under which name, with which data (serialised later). */
  public record Delivery(Audience audience, String name, Object data) {

    /** Requires every part. */
    public Delivery {
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(data, "data");
    }
  }

  private OfferEventRouting() {}

  /** The deliveries for {@code change}: at most one public and one per party. */
  public static List<Delivery> route(OfferStateChange change) {
    Objects.requireNonNull(change, "change");
    List<Delivery> deliveries = new ArrayList<>(3);
    Object publicView = change.publicView();
    if (publicView != null) {
      deliveries.add(
          new Delivery(
              Audience.everyone(),
              OFFER,
              new OrderBookChange(
                  change.offerId(),
                  change.previousState(),
                  change.newState(),
                  change.at(),
                  publicView)));
    }
    Object partyView = change.partyView() != null ? change.partyView() : publicView;
    String maker = blankToNull(change.makerPubkey());
    String taker = blankToNull(change.takerPubkey());
    if (maker != null) {
      deliveries.add(trade(change, maker, "MAKER", partyView));
    }
    if (taker != null && !taker.equals(maker)) {
      deliveries.add(trade(change, taker, "TAKER", partyView));
    }
    return deliveries;
  }

  private static Delivery trade(OfferStateChange change, String pubkey, String role, Object view) {
    return new Delivery(
        Audience.party(pubkey),
        TRADE,
        new TradeChange(
            change.offerId(), change.previousState(), change.newState(), change.at(), role, view));
  }

  private static String blankToNull(String pubkey) {
    return pubkey == null || pubkey.isBlank() ? null : pubkey;
  }
}
