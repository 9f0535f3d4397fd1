package org.openpleb.ee.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.openpleb.ee.pricing.PriceQuote;
import org.openpleb.ee.session.PubKey;
import org.openpleb.ee.wallet.WalletId;

/**
 * What the parties see of an offer is flat, in the API's order, with the frozen price as a plain
 * number (the column keeps eight decimals: {@code 150000000.00000000} must not reach a client as
 * {@code 1.5E+8} or with its padding).
 */
class PartyViewTest {

  private static final OffsetDateTime NOW =
      OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC);

  private static Offer offer(BigDecimal price) {
    Trader maker =
        new Trader(
            "s-1",
            new PubKey("ab".repeat(32)),
            new WalletId("00000000-0000-0000-0000-000000000001"));
    return Offer.created(
        maker,
        100_000,
        Currency.getInstance("KRW"),
        price,
        "bank-qr",
        "toss",
        new PriceQuote(66_667, 767, 1_434, 7_167),
        NOW,
        NOW.plusMinutes(10));
  }

  @Test
  void thePartiesSeeTheWholeOfferFlat() {
    Offer offer = offer(new BigDecimal("150000000.00000000"));

    PartyView view = PartyView.of(offer);

    assertEquals(offer.id(), view.id());
    assertEquals(OfferState.CREATED, view.status());
    assertEquals(100_000, view.fiatAmount());
    assertEquals("KRW", view.currency());
    assertEquals("toss", view.fiatProvider());
    assertEquals(66_667, view.sats());
    assertEquals(68_101, view.takerEarns());
    assertEquals(767, view.platformFee());
    assertEquals(76_035, view.funding());
    assertEquals("bank-qr", view.qrCode());
    assertEquals("ab".repeat(32), view.makerPubkey());
    assertEquals(NOW.plusMinutes(10), view.expiresAt());
    assertNull(view.takerPubkey());
    assertNull(view.resolution());
    assertNull(view.outcome());
  }

  @Test
  void theFrozenPriceIsAPlainNumber() {
    // BigDecimal.toString is what a JSON generator writes: no padding zeros, no exponent
    assertEquals(
        "150000000",
        PartyView.of(offer(new BigDecimal("150000000.00000000"))).btcPrice().toString());
    assertEquals(
        "150000000.5",
        PartyView.of(offer(new BigDecimal("150000000.50000000"))).btcPrice().toString());
    assertEquals(
        "95000.12345678",
        PartyView.of(offer(new BigDecimal("95000.12345678"))).btcPrice().toString());
  }

  @Test
  void aResolutionIsOneOfTheFourNames() {
    Offer offer = offer(new BigDecimal("150000000"));
    offer.resolution(Resolution.SPLIT.name(), "half of it arrived", "operator");

    assertEquals(Resolution.SPLIT, PartyView.of(offer).resolution());
    assertEquals("half of it arrived", PartyView.of(offer).resolutionReason());
  }
}
