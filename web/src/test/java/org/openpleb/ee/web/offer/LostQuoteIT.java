package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpleb.ee.web.custody.ReconciledAtEnd;
import org.openpleb.ee.web.offer.TradeClient.Session;

/**
 * #14 finding 6 over HTTP against the dev mint (which pays every invoice at once): a Lightning
 * invoice whose deposit or offer row is never stored — the database refuses it right after the mint
 * was asked, as a crash in that window leaves it, without killing the server — is found by the
 * quote sweep once the grace has passed (the server's clock is moved, not waited for), minted into
 * its wallet and credited to the owner exactly once, even with sweeps running at once and the
 * timer's own; a deposit retried with its Idempotency-Key, or an offer's invoice asked again, gets
 * the invoice of the first run, not a second quote; the ledger keeps quote ids sealed. After each
 * test the wallets hold exactly what came in, at the mint.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class LostQuoteIT {

  /** WALLET_QUOTE_GRACE of the deployment, in seconds. */
  private static final long GRACE = 60;

  private static final Books BOOKS = new Books();

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    // as in the kill test: every invoice is paid the moment the mint creates it
    TradeMint.get().mint().control().setAutoPay(true);
    return TradeClient.deployment(
        mintUrl,
        data,
        "WALLET_QUOTE_GRACE="
            + GRACE * 1000
            + "\nWALLET_QUOTE_SWEEP_INTERVAL=500\nWALLET_DEPOSIT_POLL_INTERVAL=200\n"
            + "OFFER_QUOTE_POLL_INTERVAL=200\nOFFER_OPEN_LIMIT=50\n",
        MovableClock.class,
        ClockTestSupport.class,
        QuoteLedgerProbe.class);
  }

  @ArquillianResource URL base;

  private TradeClient api() {
    return new TradeClient(base);
  }

  @AfterEach
  void sumsStillAddUp() throws Exception {
    BOOKS.check(api());
  }

  @Test
  void aDepositWhoseRowWasNeverStoredIsCreditedToItsOwnerExactlyOnce() throws Exception {
    TradeClient api = api();
    Session alice = api.login();
    String walletId = api.wallet(alice).path("walletId").asText();

    String rule = probe(api, "refuse?walletId=" + walletId).path("constraint").asText();
    HttpResponse<String> lost;
    try {
      lost = api.post("api/wallet/deposits/lightning", alice.token(), "{\"amount\":4321}");
    } finally {
      probe(api, "allow?table=wallet_deposits&constraint=" + rule);
    }
    assertNotEquals(201, lost.statusCode(), lost::body);
    assertFalse(lost.body().contains("lnbc"), "no invoice was handed out: " + lost.body());
    // the dev mint paid the invoice at once; nothing holds it
    assertEquals(0, api.wallet(alice).path("spendable").asLong());
    BOOKS.deposited(4321);

    moveClock(api, GRACE + 1);
    JsonNode swept = probe(api, "sweeps?runs=6");

    assertTrue(swept.path("adopted").asInt() <= 1, swept::toString);
    awaitSpendable(api, alice, 4321);
    JsonNode deposits = support(api, "deposits?walletId=" + walletId);
    assertEquals(1, deposits.size(), deposits::toString);
    assertEquals("CREDITED", deposits.get(0).path("state").asText(), deposits::toString);
    assertEquals(4321, deposits.get(0).path("creditedAmount").asLong());
    JsonNode rows = support(api, "rows?walletId=" + walletId);
    assertEquals(1, rows.size(), rows::toString);
    JsonNode row = rows.get(0);
    assertEquals("ADOPTED", row.path("state").asText(), rows::toString);
    assertEquals("DEPOSIT", row.path("purpose").asText());
    // the deposit took the id the lost request had chosen for it, and the owner can see it
    assertEquals(row.path("purposeId").asText(), deposits.get(0).path("id").asText());
    assertEquals(row.path("depositId").asText(), deposits.get(0).path("id").asText());
    assertTrue(row.path("sealed").asBoolean(), rows::toString);
    assertFalse(row.path("quoteShown").asBoolean(), rows::toString);
    JsonNode seen =
        json(api.get("api/wallet/deposits/" + deposits.get(0).path("id").asText(), alice.token()));
    assertEquals("CREDITED", seen.path("state").asText(), seen::toString);

    // later sweeps, and the timer's, find nothing more
    moveClock(api, GRACE + 1);
    assertEquals(0, probe(api, "sweeps?runs=3").path("adopted").asInt());
    assertEquals(4321, api.wallet(alice).path("spendable").asLong());
    assertEquals(1, support(api, "deposits?walletId=" + walletId).size());
  }

  @Test
  void anOfferInvoiceWhoseOfferNeverStoredItIsCreditedToTheMaker() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    String walletId = api.wallet(maker).path("walletId").asText();
    JsonNode offer = api.createOffer(maker, 10_000);
    String offerId = offer.path("id").asText();
    long funding = offer.path("funding").asLong();

    String rule = probe(api, "refuse?offerId=" + offerId).path("constraint").asText();
    HttpResponse<String> lost;
    try {
      lost = api.post("api/offers/" + offerId + "/invoice", maker.token(), null);
    } finally {
      probe(api, "allow?table=offers&constraint=" + rule);
    }
    assertNotEquals(200, lost.statusCode(), lost::body);
    assertFalse(lost.body().contains("lnbc"), "no invoice was handed out: " + lost.body());
    assertEquals("CREATED", api.status(offerId, maker.token()));
    BOOKS.deposited(funding);

    moveClock(api, GRACE + 1);
    probe(api, "sweeps?runs=4");

    awaitSpendable(api, maker, funding);
    JsonNode rows = support(api, "rows?walletId=" + walletId);
    assertEquals(1, rows.size(), rows::toString);
    assertEquals("OFFER", rows.get(0).path("purpose").asText());
    assertEquals(offerId, rows.get(0).path("purposeId").asText());
    assertEquals("ADOPTED", rows.get(0).path("state").asText(), rows::toString);
    JsonNode deposits = support(api, "deposits?walletId=" + walletId);
    assertEquals(1, deposits.size(), deposits::toString);
    assertEquals(funding, deposits.get(0).path("creditedAmount").asLong());
    // the sats are the maker's to spend, not an escrow
    assertEquals(0, api.wallet(maker).path("reserved").asLong());
  }

  @Test
  void anOfferInvoiceAskedAgainAfterItsOfferChangeWasLostIsTheSameInvoice() throws Exception {
    TradeClient api = api();
    Session maker = api.login();
    String walletId = api.wallet(maker).path("walletId").asText();
    JsonNode offer = api.createOffer(maker, 10_000);
    String offerId = offer.path("id").asText();

    String rule = probe(api, "refuse?offerId=" + offerId).path("constraint").asText();
    HttpResponse<String> lost;
    try {
      lost = api.post("api/offers/" + offerId + "/invoice", maker.token(), null);
    } finally {
      probe(api, "allow?table=offers&constraint=" + rule);
    }
    assertNotEquals(200, lost.statusCode(), lost::body);

    HttpResponse<String> asked =
        api.post("api/offers/" + offerId + "/invoice", maker.token(), null);

    assertEquals(200, asked.statusCode(), asked::body);
    JsonNode rows = support(api, "rows?walletId=" + walletId);
    assertEquals(1, rows.size(), "one quote, not a second: " + rows);
    assertEquals("HELD", rows.get(0).path("state").asText(), rows::toString);
    assertEquals(rows.get(0).path("invoice").asText(), json(asked).path("invoice").asText());
    // the invoice was paid at once: the watcher mints the escrow, as for any funded offer
    BOOKS.deposited(offer.path("funding").asLong());
    api.await(
        "api/offers/" + offerId,
        maker.token(),
        o -> "INVOICE_PAID".equals(o.path("status").asText()),
        Duration.ofSeconds(30));
    assertEquals(offer.path("funding").asLong(), api.wallet(maker).path("reserved").asLong());
  }

  @Test
  void aDepositRetriedWithItsKeyAfterItsRowWasLostGetsTheSameInvoice() throws Exception {
    TradeClient api = api();
    Session bob = api.login();
    String walletId = api.wallet(bob).path("walletId").asText();
    String key = "retry-" + System.nanoTime();

    String rule = probe(api, "refuse?walletId=" + walletId).path("constraint").asText();
    HttpResponse<String> first;
    try {
      first = api.post("api/wallet/deposits/lightning", bob.token(), "{\"amount\":2500}", key);
    } finally {
      probe(api, "allow?table=wallet_deposits&constraint=" + rule);
    }
    assertNotEquals(201, first.statusCode(), first::body);

    HttpResponse<String> retried =
        api.post("api/wallet/deposits/lightning", bob.token(), "{\"amount\":2500}", key);

    assertEquals(201, retried.statusCode(), retried::body);
    JsonNode deposit = json(retried);
    JsonNode rows = support(api, "rows?walletId=" + walletId);
    assertEquals(1, rows.size(), "one quote, not a second: " + rows);
    assertEquals("HELD", rows.get(0).path("state").asText(), rows::toString);
    assertEquals(rows.get(0).path("invoice").asText(), deposit.path("invoice").asText());
    assertEquals(rows.get(0).path("purposeId").asText(), deposit.path("depositId").asText());
    BOOKS.deposited(2500);
    awaitSpendable(api, bob, 2500);
    assertEquals(1, support(api, "deposits?walletId=" + walletId).size());
  }

  @Test
  void anOrdinaryDepositIsHeldByItsRowAndTheSweepLeavesItAlone() throws Exception {
    TradeClient api = api();
    Session carol = api.login();
    String walletId = api.wallet(carol).path("walletId").asText();

    HttpResponse<String> created =
        api.post("api/wallet/deposits/lightning", carol.token(), "{\"amount\":1200}");

    assertEquals(201, created.statusCode(), created::body);
    BOOKS.deposited(1200);
    awaitSpendable(api, carol, 1200);
    moveClock(api, GRACE + 1);
    assertEquals(0, probe(api, "sweeps?runs=2").path("adopted").asInt());
    JsonNode rows = support(api, "rows?walletId=" + walletId);
    assertEquals(1, rows.size(), rows::toString);
    assertEquals("HELD", rows.get(0).path("state").asText(), rows::toString);
    assertEquals(json(created).path("depositId").asText(), rows.get(0).path("purposeId").asText());
    assertTrue(rows.get(0).path("sealed").asBoolean(), rows::toString);
    assertEquals(64, rows.get(0).path("refLength").asInt(), rows::toString);
    assertFalse(rows.get(0).path("quoteShown").asBoolean(), rows::toString);
    assertEquals(1200, api.wallet(carol).path("spendable").asLong());
  }

  private static void awaitSpendable(TradeClient api, Session session, long sats) throws Exception {
    api.await(
        "api/wallet",
        session.token(),
        w -> w.path("spendable").asLong() == sats,
        Duration.ofSeconds(30));
    assertEquals(sats, api.wallet(session).path("spendable").asLong());
  }

  private static JsonNode probe(TradeClient api, String pathAndQuery) throws Exception {
    HttpResponse<String> answer =
        api.post("api/test-support/quote-ledger/" + pathAndQuery, null, null);
    assertEquals(200, answer.statusCode(), answer::body);
    return json(answer);
  }

  private static JsonNode support(TradeClient api, String pathAndQuery) throws Exception {
    HttpResponse<String> answer = api.get("api/test-support/quote-ledger/" + pathAndQuery, null);
    assertEquals(200, answer.statusCode(), answer::body);
    return json(answer);
  }

  private static void moveClock(TradeClient api, long seconds) throws Exception {
    HttpResponse<String> moved = api.post("api/test-clock/advance?seconds=" + seconds, null, null);
    assertEquals(200, moved.statusCode(), moved::body);
  }
}
