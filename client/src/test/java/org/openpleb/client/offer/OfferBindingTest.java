package org.openpleb.client.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpleb.client.CannedServer;
import org.openpleb.client.CannedServer.Answer;
import org.openpleb.client.OpenPlebClient;
import org.openpleb.client.session.Bearer;

/** Offers as the contract shapes them bind to the client's records, enums and numbers included. */
class OfferBindingTest {

  /** An approved trade as its maker sees it: the flat offer with its settlement (contract #13). */
  static final String COMPLETED =
      """
      {"id":"3f1c2a9e-7d41-4b8e-9c55-0a6b1d2e3f40","status":"COMPLETED","fiatAmount":100000,\
      "currency":"KRW","fiatProvider":"Toss","sats":66667,"takerFee":1434,"bond":7167,\
      "takerEarns":68101,"createdAt":"2026-12-07T06:00:00.123456Z",\
      "role":"MAKER","qrCode":"bank-qr-1","btcPrice":150000000,"platformFee":767,\
      "funding":76035,"fundingMethod":"BALANCE",\
      "makerPubkey":"aa00000000000000000000000000000000000000000000000000000000000001",\
      "takerPubkey":"bb00000000000000000000000000000000000000000000000000000000000002",\
      "claimedAt":"2026-12-07T06:01:00Z","receiptAt":"2026-12-07T06:02:00Z",\
      "makerFeedback":"arrived","outcome":"APPROVED",\
      "settlement":{"outcome":"APPROVED","state":"DONE","makerAmount":7167,\
      "takerAmount":75268,"platformAmount":767,"mintFees":0,\
      "completedAt":"2026-12-07T06:03:00Z"}}""";

  private final CannedServer server = new CannedServer();

  OfferBindingTest() throws Exception {}

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPartysOfferBindsFlatWithItsStatusPriceAndSettlement() {
    String id = "3f1c2a9e-7d41-4b8e-9c55-0a6b1d2e3f40";
    server.on("GET", "/api/offers/" + id, Answer.json(200, COMPLETED));

    Offer offer = OpenPlebClient.connect(server.base()).offers().offer(Bearer.of("t0k3n"), id);

    assertEquals(id, offer.id());
    assertEquals(OfferState.COMPLETED, offer.status());
    assertEquals(100_000L, offer.fiatAmount());
    assertEquals(66_667L, offer.sats());
    assertEquals(7_167L, offer.bond());
    assertEquals(Role.MAKER, offer.role());
    assertEquals(0, new BigDecimal("150000000").compareTo(offer.btcPrice()));
    assertEquals(76_035L, offer.funding());
    assertEquals(FundingMethod.BALANCE, offer.fundingMethod());
    assertEquals(Outcome.APPROVED, offer.outcome());
    assertEquals(OffsetDateTime.parse("2026-12-07T06:00:00.123456Z"), offer.createdAt());
    assertNull(offer.expiresAt(), "an omitted field is null");
    assertNull(offer.resolution());
    Settlement settlement = offer.settlement();
    assertEquals(Settlement.State.DONE, settlement.state());
    assertEquals(Outcome.APPROVED, settlement.outcome());
    assertEquals(7_167L, settlement.makerAmount());
    assertEquals(75_268L, settlement.takerAmount());
    assertEquals(767L, settlement.platformAmount());
    assertEquals(OffsetDateTime.parse("2026-12-07T06:03:00Z"), settlement.completedAt());
  }

  @Test
  void theOrderBookBindsPublicOffersWithoutTheirPartyFields() {
    server.on(
        "GET",
        "/api/offers",
        Answer.json(
            200,
            """
            {"offers":[{"id":"o-1","status":"INVOICE_PAID","fiatAmount":10000,"currency":"KRW",\
            "sats":6667,"takerFee":234,"bond":1167,"takerEarns":6901,\
            "createdAt":"2026-12-07T06:00:00Z","expiresAt":"2026-12-07T07:00:00Z"}],\
            "page":0,"size":20,"total":1}"""));

    OrderBookPage page = OpenPlebClient.connect(server.base()).offers().book(null, "Toss", 0, 20);

    assertEquals(1, page.total());
    Offer offer = page.offers().get(0);
    assertEquals(OfferState.INVOICE_PAID, offer.status());
    assertEquals(6_901L, offer.takerEarns());
    assertNull(offer.role());
    assertNull(offer.btcPrice());
    assertNull(offer.settlement());
    assertEquals(
        java.util.Set.of("fiatProvider=Toss", "page=0", "size=20"),
        java.util.Set.of(server.last().query().split("&")));
    assertNull(server.last().header("Authorization"), "an anonymous read sends no credentials");
  }

  @Test
  void myOffersAndTheOpenDisputesBindAsListsOfOffers() {
    server
        .on("GET", "/api/offers/mine", Answer.json(200, "[" + COMPLETED + "]"))
        .on(
            "GET",
            "/api/admin/disputes",
            Answer.json(
                200,
                "[{\"id\":\"o-2\",\"status\":\"DISPUTED\",\"role\":\"ADMIN\","
                    + "\"makerFeedback\":\"nothing arrived\",\"takerResponse\":\"I paid\"}]"));
    OpenPlebClient api = OpenPlebClient.connect(server.base());

    java.util.List<Offer> mine = api.offers().mine(Bearer.of("t"), 10);
    java.util.List<Offer> disputes = api.disputes().open(Bearer.of("admin"), 0, 50);

    assertEquals(OfferState.COMPLETED, mine.get(0).status());
    assertEquals("limit=10", server.received().get(0).query());
    assertEquals(OfferState.DISPUTED, disputes.get(0).status());
    assertEquals(Role.ADMIN, disputes.get(0).role());
    assertEquals("I paid", disputes.get(0).takerResponse());
  }
}
