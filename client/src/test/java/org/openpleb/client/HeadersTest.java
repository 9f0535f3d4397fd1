package org.openpleb.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.client.CannedServer.Answer;
import org.openpleb.client.offer.CreateOfferRequest;
import org.openpleb.client.offer.Offer;
import org.openpleb.client.offer.OfferState;
import org.openpleb.client.pricing.Quote;
import org.openpleb.client.pricing.QuoteRequest;
import org.openpleb.client.session.Bearer;
import org.openpleb.client.wallet.Deposit;
import org.openpleb.client.wallet.DepositState;
import org.openpleb.client.wallet.LightningDepositRequest;

/** What goes on the wire: credentials, idempotency keys, bodies and the receipt's image type. */
class HeadersTest {

  private static final String CREATED =
      "{\"id\":\"o-1\",\"status\":\"CREATED\",\"fiatAmount\":100000,\"currency\":\"KRW\","
          + "\"sats\":66667,\"takerFee\":1434,\"bond\":7167,\"takerEarns\":68101,"
          + "\"createdAt\":\"2026-12-07T06:00:00Z\",\"role\":\"MAKER\",\"btcPrice\":150000000,"
          + "\"platformFee\":767,\"funding\":76035}";

  private final CannedServer server = new CannedServer();

  HeadersTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAuthenticatedCallSendsTheBearerTokenAndTheIdempotencyKey() {
    server.on(
        "POST",
        "/api/offers",
        new Answer(201, "application/json", CREATED, Map.of("Location", "/api/offers/o-1")));

    Offer offer =
        OpenPlebClient.connect(server.base())
            .offers()
            .create(
                Bearer.of("t0k3n"),
                "create-1",
                new CreateOfferRequest(100_000L, "bank-qr-1", null));

    assertEquals(OfferState.CREATED, offer.status());
    CannedServer.Received sent = server.last();
    assertEquals("POST", sent.method());
    assertEquals("Bearer t0k3n", sent.header("Authorization"));
    assertEquals("create-1", sent.header("Idempotency-Key"));
    assertTrue(sent.header("Content-Type").startsWith("application/json"), sent::toString);
    assertEquals("{\"fiatAmount\":100000,\"qrCode\":\"bank-qr-1\"}", sent.text());
  }

  @Test
  void withoutAKeyNoIdempotencyHeaderIsSent() {
    server.on(
        "POST",
        "/api/wallet/deposits/lightning",
        Answer.json(
            201,
            "{\"depositId\":\"d-1\",\"state\":\"PENDING\",\"amount\":5000,\"invoice\":\"lnbc1\"}"));

    Deposit deposit =
        OpenPlebClient.connect(server.base())
            .wallet()
            .depositLightning(Bearer.of("t"), null, new LightningDepositRequest(5_000L));

    assertEquals(DepositState.PENDING, deposit.state());
    assertNull(server.last().header("Idempotency-Key"));
    assertEquals("Bearer t", server.last().header("Authorization"));
  }

  @Test
  void theReceiptIsPostedAsTheImageItIs() {
    server.on("POST", "/api/offers/o-1/receipt", Answer.json(201, CREATED));
    byte[] image = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, (byte) 0xff};

    OpenPlebClient.connect(server.base())
        .offers()
        .postReceipt(Bearer.of("t"), "o-1", "image/jpeg", image);

    CannedServer.Received sent = server.last();
    assertEquals("image/jpeg", sent.header("Content-Type"));
    assertArrayEquals(image, sent.body());
  }

  @Test
  void aQuoteWithoutPriceLeavesThePriceOutAndReadsTheOneUsed() {
    server.on(
        "POST",
        "/api/pricing/quote",
        Answer.json(
            200,
            "{\"currency\":\"KRW\",\"fiatAmount\":10000,\"btcPrice\":150000000.5,\"sats\":6667,"
                + "\"platformFee\":167,\"takerFee\":234,\"bond\":1167,\"makerFunding\":8235,"
                + "\"takerBond\":1167}"));

    Quote quote =
        OpenPlebClient.connect(server.base()).pricing().quote(QuoteRequest.atCurrentPrice(10_000));

    assertEquals("{\"fiatAmount\":10000}", server.last().text());
    assertEquals(new java.math.BigDecimal("150000000.5"), quote.btcPrice());
    assertEquals(8_235, quote.makerFunding());
  }
}
