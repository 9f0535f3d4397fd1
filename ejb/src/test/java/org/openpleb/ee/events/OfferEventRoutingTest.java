package org.openpleb.ee.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.events.OfferEventRouting.Delivery;

/**
 * Who hears what about an offer: the public order-book view for everyone, a private trade event for
 * each party naming its role, and no pubkey or private field in a public event.
 */
class OfferEventRoutingTest {

  static final String MAKER = "aa".repeat(32);
  static final String TAKER = "bb".repeat(32);
  static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

  /** What the order book shows of an offer in these tests. */
  record BookView(String id, long fiatAmount, long sats, String status) {}

  /** What the parties see in these tests: more than the book. */
  record PartyView(String id, String status, String invoice, String qrCode) {}

  /** The shape trading fires: a record implementing the contract by its component names. */
  record OfferChanged(
      String offerId,
      String previousState,
      String newState,
      BookView publicView,
      String makerPubkey,
      String takerPubkey,
      Instant at)
      implements OfferStateChange {}

  /** The same with a party view. */
  record OfferChangedForParties(
      String offerId,
      String previousState,
      String newState,
      BookView publicView,
      PartyView partyView,
      String makerPubkey,
      String takerPubkey,
      Instant at)
      implements OfferStateChange {}

  @Test
  void aFundedOfferGoesToTheBookAndToItsMaker() {
    BookView view = new BookView("o1", 100_000, 66_667, "INVOICE_PAID");

    List<Delivery> deliveries =
        OfferEventRouting.route(
            new OfferChanged("o1", "INVOICE_CREATED", "INVOICE_PAID", view, MAKER, null, AT));

    assertEquals(2, deliveries.size());
    Delivery book = deliveries.get(0);
    assertTrue(book.audience().isPublic());
    assertEquals("offer", book.name());
    assertEquals(
        new OrderBookChange("o1", "INVOICE_CREATED", "INVOICE_PAID", AT, view), book.data());
    Delivery maker = deliveries.get(1);
    assertEquals(Audience.party(MAKER), maker.audience());
    assertEquals("trade", maker.name());
    assertEquals(
        new TradeChange("o1", "INVOICE_CREATED", "INVOICE_PAID", AT, "MAKER", view), maker.data());
  }

  @Test
  void aClaimedOfferAlsoTellsItsTaker() {
    BookView view = new BookView("o1", 100_000, 66_667, "CLAIMED");

    List<Delivery> deliveries =
        OfferEventRouting.route(
            new OfferChanged("o1", "INVOICE_PAID", "CLAIMED", view, MAKER, TAKER, AT));

    assertEquals(
        List.of("offer", "trade", "trade"), deliveries.stream().map(Delivery::name).toList());
    Delivery taker = deliveries.get(2);
    assertEquals(Audience.party(TAKER), taker.audience());
    assertEquals("TAKER", ((TradeChange) taker.data()).role());
  }

  @Test
  void aChangeWithoutAPublicViewStaysOffThePublicStream() {
    List<Delivery> deliveries =
        OfferEventRouting.route(
            new OfferChanged("o1", "CREATED", "INVOICE_CREATED", null, MAKER, null, AT));

    assertEquals(1, deliveries.size());
    assertFalse(deliveries.get(0).audience().isPublic());
    assertEquals(Audience.party(MAKER), deliveries.get(0).audience());
  }

  @Test
  void thePartiesGetThePartyViewAndTheBookNeverDoes() {
    BookView book = new BookView("o1", 100_000, 66_667, "RECEIPT_SUBMITTED");
    PartyView party = new PartyView("o1", "RECEIPT_SUBMITTED", "lnbc1secretinvoice", "qr-payload");

    List<Delivery> deliveries =
        OfferEventRouting.route(
            new OfferChangedForParties(
                "o1", "CLAIMED", "RECEIPT_SUBMITTED", book, party, MAKER, TAKER, AT));

    assertEquals(book, ((OrderBookChange) deliveries.get(0).data()).offer());
    assertEquals(party, ((TradeChange) deliveries.get(1).data()).offer());
    assertEquals(party, ((TradeChange) deliveries.get(2).data()).offer());
    assertFalse(deliveries.get(0).data().toString().contains("lnbc1secretinvoice"));
  }

  @Test
  void noPubkeyIsCopiedIntoAnyEvent() {
    BookView view = new BookView("o1", 100_000, 66_667, "CLAIMED");

    for (Delivery delivery :
        OfferEventRouting.route(
            new OfferChanged("o1", "INVOICE_PAID", "CLAIMED", view, MAKER, TAKER, AT))) {
      String data = delivery.data().toString();
      assertFalse(data.contains(MAKER), data);
      assertFalse(data.contains(TAKER), data);
    }
  }

  @Test
  void aBlankTakerIsNobody() {
    List<Delivery> deliveries =
        OfferEventRouting.route(new OfferChanged("o1", "CLAIMED", "EXPIRED", null, MAKER, " ", AT));

    assertEquals(1, deliveries.size());
    assertEquals(Audience.party(MAKER), deliveries.get(0).audience());
  }

  @Test
  void anAudienceOfAPartyExcludesAnonymousAndOtherStreams() {
    Audience maker = Audience.party(MAKER);

    assertTrue(maker.includes(MAKER));
    assertFalse(maker.includes(TAKER));
    assertFalse(maker.includes(null));
    assertTrue(Audience.everyone().includes(null));
    assertTrue(Audience.everyone().includes(TAKER));
  }
}
