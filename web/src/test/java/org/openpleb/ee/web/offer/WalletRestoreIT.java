package org.openpleb.ee.web.offer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpleb.ee.web.offer.TradeClient.JSON;
import static org.openpleb.ee.web.offer.TradeClient.assertProblem;
import static org.openpleb.ee.web.offer.TradeClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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
 * A wallet file lost in the middle of a trade is rebuilt by the admin from the master secret and
 * what PostgreSQL knows (#14 acceptance 2): the maker's escrow and the taker's bond are reserved
 * again, a token the maker withdrew and nobody claimed stays in flight, and the trade settles to
 * the sat of the payout table. The conservation check passes after the test.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(ReconciledAtEnd.class)
class WalletRestoreIT {

  /** The worked example of the payout table: 100,000 KRW at the default fees. */
  private static final long FIAT = 100_000;

  private static final long F = 76_035;
  private static final long B = 7_167;

  /** What the maker keeps spendable and what it withdraws and leaves unclaimed. */
  private static final long SPARE = 600;

  private static final long WITHDRAWN = 400;

  private static final Books BOOKS = new Books();

  @Deployment(testable = false)
  static WebArchive deployment() {
    Path data = TradeClient.dataDir();
    String mintUrl = TradeMint.start(data);
    return TradeClient.deployment(
        mintUrl,
        data,
        "OFFER_QUOTE_POLL_INTERVAL=200\nOFFER_SWEEP_INTERVAL=1000\n"
            + "WALLET_INFLIGHT_SWEEP_INTERVAL=1000\n",
        RestoreTestSupport.class);
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
  void aWalletLostMidTradeIsRestoredAndTheTradeSettlesToTheSat() throws Exception {
    TradeClient api = api();
    String admin = api.adminLogin();
    Session maker = api.login();
    Session taker = api.login();

    String offer = api.fundedOffer(maker, FIAT, BOOKS);
    api.deposit(maker, SPARE + WITHDRAWN, BOOKS);
    HttpResponse<String> out =
        api.post(
            "api/wallet/withdrawals/token",
            maker.token(),
            JSON.createObjectNode().put("amount", WITHDRAWN).toString(),
            UUID.randomUUID().toString());
    assertEquals(200, out.statusCode(), out::body);
    String unclaimed = json(out).path("token").asText();
    api.deposit(taker, B, BOOKS);
    api.claim(taker, offer);
    String makerWallet = assertWallet(api, maker, SPARE, F, WITHDRAWN).path("walletId").asText();
    String takerWallet = assertWallet(api, taker, 0, B, 0).path("walletId").asText();

    // the disk loses both parties' wallet files mid-trade (the in-flight sweep may open the
    // maker's again at once, as an empty wallet: the restore keeps that one aside)
    loseOnceFree(api, makerWallet);
    loseOnceFree(api, takerWallet);

    // only the admin restores, and only wallets the platform knows
    assertProblem(restore(api, maker.token(), makerWallet), 403, "FORBIDDEN");
    assertProblem(restore(api, admin, UUID.randomUUID().toString()), 404, "NOT_FOUND");
    assertProblem(restore(api, admin, "not-a-wallet"), 404, "NOT_FOUND");

    // not while a funding or claim is reserving in the wallet
    api.post(
        "api/test-support/restore/attempt?busy=true&offer=" + offer + "&wallet=" + makerWallet,
        null,
        null);
    assertProblem(restore(api, admin, makerWallet), 409, "CONFLICT");
    api.post("api/test-support/restore/attempt?busy=false&offer=" + offer, null, null);

    HttpResponse<String> restoredMaker = restore(api, admin, makerWallet);
    assertEquals(200, restoredMaker.statusCode(), restoredMaker::body);
    JsonNode m = json(restoredMaker);
    assertEquals(makerWallet, m.path("walletId").asText(), m::toString);
    assertEquals(SPARE + F + WITHDRAWN, m.path("sats").asLong(), m::toString);
    assertEquals(1, m.path("tokensInFlight").asInt(), m::toString);
    assertEquals(WITHDRAWN, m.path("inflightSats").asLong(), m::toString);
    assertEquals(1, m.path("holds").size(), m::toString);
    assertTrue(m.path("holds").get(0).path("owner").asText().startsWith("escrow:" + offer + ":"));
    assertEquals(F, m.path("holds").get(0).path("expected").asLong(), m::toString);
    assertEquals(F, m.path("holds").get(0).path("reserved").asLong(), m::toString);
    assertTrue(m.path("complete").asBoolean(), m::toString);
    assertEquals(SPARE, m.path("balance").path("spendable").asLong(), m::toString);
    assertEquals(F, m.path("balance").path("reserved").asLong(), m::toString);
    assertEquals(WITHDRAWN, m.path("balance").path("inflight").asLong(), m::toString);
    // the wallet's row says the same
    assertWallet(api, maker, SPARE, F, WITHDRAWN);

    HttpResponse<String> restoredTaker = restore(api, admin, takerWallet);
    assertEquals(200, restoredTaker.statusCode(), restoredTaker::body);
    JsonNode t = json(restoredTaker);
    assertEquals(0, t.path("tokensInFlight").asInt(), t::toString);
    assertTrue(
        t.path("holds").get(0).path("owner").asText().startsWith("bond:" + offer + ":"),
        t::toString);
    assertEquals(B, t.path("holds").get(0).path("reserved").asLong(), t::toString);
    assertWallet(api, taker, 0, B, 0);

    // a second restore keeps the first file aside and finds the same books
    JsonNode again = json(restoreOnceFree(api, admin, makerWallet));
    assertTrue(again.path("keptAside").asText().startsWith(makerWallet + ".sqlite.replaced-"));
    assertEquals(m.path("balance"), again.path("balance"), again::toString);

    // the trade goes on and settles as the payout table says
    HttpResponse<String> receipt = api.postReceipt(taker, offer);
    assertEquals(201, receipt.statusCode(), receipt::body);
    JsonNode approved = api.feedback(maker, offer, "APPROVE", "arrived");
    assertEquals("COMPLETED", approved.path("status").asText(), approved::toString);
    JsonNode settlement = approved.path("settlement");
    assertEquals("DONE", settlement.path("state").asText(), approved::toString);
    assertEquals(B, settlement.path("makerAmount").asLong());
    assertEquals(75_268, settlement.path("takerAmount").asLong());
    assertEquals(767, settlement.path("platformAmount").asLong());
    assertWallet(api, maker, SPARE + B, 0, WITHDRAWN);
    assertWallet(api, taker, 75_268, 0, 0);

    // the withdrawn token is still its holder's: claimed now, it leaves the maker's books
    assertEquals(WITHDRAWN, TradeMint.get().redeem(unclaimed));
    BOOKS.withdrew(WITHDRAWN);
    api.await(
        "api/wallet", maker.token(), w -> w.path("inflight").asLong() == 0, Duration.ofSeconds(30));
    assertWallet(api, maker, SPARE + B, 0, 0);
  }

  private static HttpResponse<String> restore(TradeClient api, String token, String walletId)
      throws Exception {
    return api.post("api/admin/wallets/" + walletId + "/restore", token, null);
  }

  /**
   * A restore retried while it is refused with 409 because the wallet is in use (the in-flight
   * sweep, every second here, leases a wallet with a token in flight), as a client does; bounded.
   */
  private static HttpResponse<String> restoreOnceFree(
      TradeClient api, String token, String walletId) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    HttpResponse<String> answer = restore(api, token, walletId);
    while (answer.statusCode() == 409 && System.nanoTime() < until) {
      Thread.sleep(200);
      answer = restore(api, token, walletId);
    }
    assertEquals(200, answer.statusCode(), answer::body);
    return answer;
  }

  /**
   * Loses the wallet's files, retried while a lease holds the wallet (the in-flight sweep, every
   * second in this deployment, leases the maker's wallet with its token in flight), bounded to 60
   * s.
   */
  private static void loseOnceFree(TradeClient api, String walletId) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String lost = api.post("api/test-support/restore/lose?wallet=" + walletId, null, null).body();
    while (!lost.contains("true") && System.nanoTime() < until) {
      Thread.sleep(200);
      lost = api.post("api/test-support/restore/lose?wallet=" + walletId, null, null).body();
    }
    assertTrue(lost.contains("true"), lost);
  }

  private static JsonNode assertWallet(
      TradeClient api, Session s, long spendable, long reserved, long inflight) throws Exception {
    JsonNode wallet = api.wallet(s);
    assertEquals(spendable, wallet.path("spendable").asLong(), wallet::toString);
    assertEquals(reserved, wallet.path("reserved").asLong(), wallet::toString);
    assertEquals(inflight, wallet.path("inflight").asLong(), wallet::toString);
    return wallet;
  }
}
