package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * A whole trade against a mint that charges an input fee (100 ppk): funding, bond and settlement
 * pay the mint's fees, every fee is recorded with the settlement step that paid it, and the
 * conservation check, which subtracts the fees the wallets' journals recorded, still balances to
 * the sat.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class TradeFeesIT {

  private static final long F = 76_035;
  private static final long B = 7_167;

  /** What the maker and the taker post beyond F and B, for the mint's fees. */
  private static final long CUSHION = 50;

  private static final Books BOOKS = new Books();

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data, 100);
    return TradeClient.deployment(mintUrl, data, "OFFER_SWEEP_INTERVAL=1000\n");
  }

  @ArquillianResource URL base;

  @Test
  void mintFeesArePaidRecordedAndAccounted() throws Exception {
    TradeClient api = new TradeClient(base);
    String admin = api.adminLogin();
    long treasuryBefore = json(api.get("api/admin/treasury", admin)).path("spendable").asLong();
    Session maker = api.login();
    Session taker = api.login();
    JsonNode created = api.createOffer(maker, 100_000);
    assertEquals(F, created.path("funding").asLong());
    String id = created.path("id").asText();
    String token = TradeMint.get().token(F + CUSHION);
    BOOKS.deposited(F + CUSHION);
    HttpResponse<String> funded =
        api.post(
            "api/offers/" + id + "/funding",
            maker.token(),
            JSON.createObjectNode().put("source", "TOKEN").put("token", token).toString());
    assertEquals(200, funded.statusCode(), funded::body);
    api.deposit(taker, B + CUSHION, BOOKS);
    api.claim(taker, id);
    assertEquals(201, api.postReceipt(taker, id).statusCode());

    HttpResponse<String> approved =
        api.post(
            "api/offers/" + id + "/feedback",
            maker.token(),
            JSON.createObjectNode().put("verdict", "APPROVE").toString());

    assertEquals(200, approved.statusCode(), approved::body);
    JsonNode settlement = json(approved).path("settlement");
    assertEquals("DONE", settlement.path("state").asText(), approved::body);
    long fees = 0;
    for (JsonNode step : api.support("GET", "steps?offer=" + id)) {
      fees += step.path("send_fee").asLong() + step.path("receive_fee").asLong();
    }
    long stepFees = fees;
    assertTrue(stepFees > 0, "the mint charged the settlement's swaps");
    assertEquals(stepFees, settlement.path("mintFees").asLong());
    Books.Balance books = BOOKS.check(api);
    assertTrue(books.mintFees() >= stepFees, () -> "journals record every fee: " + books);
    long takerGot = api.wallet(taker).path("spendable").asLong();
    assertTrue(
        takerGot > 75_268 - stepFees && takerGot <= 75_268 + CUSHION,
        () -> "the taker got " + takerGot + " of 75268, fees " + stepFees);
    long platformGot =
        json(api.get("api/admin/treasury", admin)).path("spendable").asLong() - treasuryBefore;
    assertTrue(
        platformGot > 767 - stepFees && platformGot <= 767,
        () -> "the treasury got " + platformGot + " of 767, fees " + stepFees);
    JsonNode audit = json(api.get("api/offers/" + id + "/audit", taker.token()));
    assertTrue(audit.path("valid").asBoolean());
    assertTrue(
        audit.toString().contains("\\\"mintFees\\\":\\\"" + stepFees + "\\\""), audit::toString);
  }
}
